"use client";
// The confirmation every cancel on the user pages asks for: a modal <dialog> with "keep" (focused) and "cancel".
import { forwardRef, useId } from "react";
import { useT } from "@/lib/i18n/client";
import { btnDanger, btnSecondary } from "../ui/classes";

export interface ConfirmCancelDialogProps {
  title: string;
  body: string;
  pending: boolean;
  onConfirm: () => void;
}

export const ConfirmCancelDialog = forwardRef<HTMLDialogElement, ConfirmCancelDialogProps>(function ConfirmCancelDialog(
  { title, body, pending, onConfirm },
  ref,
) {
  const { t } = useT();
  const ids = useId();
  const close = () => (ref && typeof ref === "object" ? ref.current?.close() : undefined);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      className="m-auto w-[min(92vw,24rem)] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="p-5">
        <h2 id={`${ids}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p id={`${ids}-body`} className="mt-2 text-sm text-slate-700">
          {body}
        </p>
        <div className="mt-5 grid grid-cols-2 gap-3">
          <button type="button" autoFocus className={btnSecondary} onClick={close}>
            {t("cancelKeep")}
          </button>
          <button type="button" className={btnDanger} disabled={pending} onClick={onConfirm}>
            {pending ? t("cancelling") : t("cancelConfirm")}
          </button>
        </div>
      </div>
    </dialog>
  );
});
