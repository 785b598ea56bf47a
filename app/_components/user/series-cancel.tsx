"use client";
// Cancelling dates of a recurring booking: one date, this and the following ones, or all — confirmed first.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { ApiError, postForm } from "../data/client";
import { btnDanger, chip, ErrorState } from "../ui/kit";
import { ConfirmCancelDialog } from "./confirm-cancel-dialog";

type Scope = "one" | "following" | "all";

export function SeriesCancel({ seriesId, appointId, scopes, compact }: { seriesId: number; appointId?: number; scopes: Scope[]; compact?: boolean }) {
  const { t } = useT();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
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
      <ConfirmCancelDialog ref={dialog} title={label(scope)} body={t("cancelSeriesConfirm")} pending={cancel.isPending} onConfirm={() => cancel.mutate()} />
    </>
  );
}
