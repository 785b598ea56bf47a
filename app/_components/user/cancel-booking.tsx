"use client";
// Cancel with a confirmation first. The legacy GET /appointment/cancel/{id} answers a redirect to the detail page on
// success and (asked for JSON) the legacy envelope otherwise; both are read here so the person stays on this page.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { ApiError } from "../data/client";
import { useCancelBooking } from "../data/use-bookings";
import { btnDanger, ErrorState } from "../ui/kit";
import { ConfirmCancelDialog } from "./confirm-cancel-dialog";

export function CancelBooking({ id }: { id: number }) {
  const { t } = useT();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
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
      <ConfirmCancelDialog ref={dialog} title={t("cancelConfirmTitle")} body={t("cancelConfirmBody")} pending={cancel.isPending} onConfirm={run} />
    </>
  );
}
