"use client";
// Cancelling dates of a recurring booking: one date, this and the following ones, or all — confirmed first.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { ApiError, postForm } from "../data/client";
import { btnDanger, btnSecondary, chip, ErrorState } from "../ui/kit";

type Scope = "one" | "following" | "all";

export function SeriesCancel({ seriesId, appointId, scopes, compact }: { seriesId: number; appointId?: number; scopes: Scope[]; compact?: boolean }) {
  const { t } = useT();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [scope, setScope] = useState<Scope>(scopes[0]);
  const [error, setError] = useState<string | null>(null);
  const label = (s: Scope) => t(s === "one" ? "cancelOne" : s === "following" ? "cancelFollowing" : "cancelAll");
  const cancel = useMutation({
    mutationFn: () => postForm(`/api/series/${seriesId}/cancel`, { scope, appointId }),
    onSuccess: () => {
      dialog.current?.close();
      router.refresh();
    },
    onError: (e) => {
      dialog.current?.close();
      setError(e instanceof ApiError ? e.errmsg : t("errorNetwork"));
    },
  });

  return (
    <>
      {error && <ErrorState title={error} />}
      <div className="flex flex-wrap gap-2">
        {scopes.map((s) => (
          <button
            key={s}
            type="button"
            className={compact ? `${chip} text-danger-700` : `${btnDanger} w-full`}
            onClick={() => {
              setScope(s);
              dialog.current?.showModal();
            }}
          >
            {label(s)}
          </button>
        ))}
      </div>
      <dialog ref={dialog} aria-labelledby={`${ids}-title`} className="m-auto w-[min(92vw,24rem)] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50">
        <div className="p-5">
          <h2 id={`${ids}-title`} className="text-lg font-semibold">
            {label(scope)}
          </h2>
          <p className="mt-2 text-sm text-slate-700">{t("cancelSeriesConfirm")}</p>
          <div className="mt-5 grid grid-cols-2 gap-3">
            <button type="button" autoFocus className={btnSecondary} onClick={() => dialog.current?.close()}>
              {t("cancelKeep")}
            </button>
            <button type="button" className={btnDanger} disabled={cancel.isPending} onClick={() => cancel.mutate()}>
              {cancel.isPending ? t("cancelling") : t("cancelConfirm")}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
