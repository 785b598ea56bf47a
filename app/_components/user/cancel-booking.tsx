"use client";
// Cancel with a confirmation first. The legacy GET /appointment/cancel/{id} answers a redirect to the detail page on
// success and (asked for JSON) the legacy envelope otherwise; both are read here so the person stays on this page.
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { ApiError } from "../data/client";
import { useCancelBooking } from "../data/use-bookings";
import { btnDanger, btnSecondary, ErrorState } from "../ui/kit";

export function CancelBooking({ id }: { id: number }) {
  const { t } = useT();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [error, setError] = useState<string | null>(null);
  const cancel = useCancelBooking(id);
  const run = () =>
    cancel.mutate(undefined, {
    onSuccess: () => {
      dialog.current?.close();
      router.refresh();
    },
    onError: (e) => {
      dialog.current?.close();
      setError(e instanceof ApiError ? e.errmsg || t("errorGeneric") : t("errorNetwork"));
    },
  });

  return (
    <>
      {error && <ErrorState title={error} />}
      <button type="button" className={`${btnDanger} w-full`} onClick={() => dialog.current?.showModal()}>
        {t("cancel")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-body`}
        className="m-auto w-[min(92vw,24rem)] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="p-5">
          <h2 id={`${ids}-title`} className="text-lg font-semibold">
            {t("cancelConfirmTitle")}
          </h2>
          <p id={`${ids}-body`} className="mt-2 text-sm text-slate-700">
            {t("cancelConfirmBody")}
          </p>
          <div className="mt-5 grid grid-cols-2 gap-3">
            <button type="button" autoFocus className={btnSecondary} onClick={() => dialog.current?.close()}>
              {t("cancelKeep")}
            </button>
            <button type="button" className={btnDanger} disabled={cancel.isPending} onClick={run}>
              {cancel.isPending ? t("cancelling") : t("cancelConfirm")}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
