"use client";
// A native date input that navigates to the chosen day's page (the links next to it work without JavaScript).
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { input } from "../ui/classes";

export function DatePickerNav({ value, hrefFor, min }: { value: string; hrefFor: string; min?: string }) {
  const { t } = useT();
  const router = useRouter();
  return (
    <label className="block">
      <span className="sr-only">{t("pickDate")}</span>
      <input
        type="date"
        value={value}
        min={min}
        onChange={(e) => e.target.value && router.push(hrefFor.replace("__DATE__", e.target.value))}
        className={`${input} min-h-10 py-1.5 text-sm`}
      />
    </label>
  );
}
