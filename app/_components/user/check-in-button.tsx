"use client";
// The check-in button of the check-in page: POST /api/checkin, then the page re-renders with the new state.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { postForm } from "../data/client";
import { btnPrimary } from "../ui/classes";

export function CheckInButton({ token }: { token: string }) {
  const { t } = useT();
  const router = useRouter();
  const go = useMutation({
    mutationFn: () => postForm("/api/checkin", { token }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="space-y-2">
      <button type="button" className={`${btnPrimary} w-full text-lg`} disabled={go.isPending} onClick={() => go.mutate()}>
        {go.isPending ? t("checkingIn") : t("checkInButton")}
      </button>
      {go.error && (
        <p role="alert" className="rounded-xl bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {go.error instanceof TypeError ? t("errorNetwork") : go.error.message}
        </p>
      )}
    </div>
  );
}
