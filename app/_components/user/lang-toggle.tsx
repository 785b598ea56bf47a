"use client";
// Switches between Simplified Chinese and English: a cookie the server reads, then a re-render of the page.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useT } from "@/lib/i18n/client";
import { focusRing } from "../ui/styles";

export function LangToggle() {
  const { t, locale } = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = locale === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      lang={next}
      aria-label={t("langToggleLabel")}
      disabled={pending}
      onClick={() => {
        document.cookie = `lang=${next === "en" ? "en" : "zh"}; path=/meeting; max-age=31536000; samesite=lax`;
        start(() => router.refresh());
      }}
      className={`rounded-full border border-white/40 px-3 py-1 text-sm font-medium text-white hover:bg-white/10 ${focusRing}`}
    >
      {t("langToggle")}
    </button>
  );
}
