"use client";
// The live answer for the chosen slot under the booking form's date and time: checking, free (and how many others
// asked for it first), or why not with the nearest free start to take over.
import { useT } from "@/lib/i18n/client";
import type { Availability } from "@/lib/types/api";
import { chip, Spinner } from "../ui/kit";

type Slot = Availability["rooms"][number];

export function SlotStatus({
  id,
  fetching,
  slot,
  pendingCount,
  opensAt,
  closesAt,
  fmt,
  onUseSuggestion,
}: {
  id: string;
  fetching: boolean;
  slot: Slot | undefined;
  pendingCount: number;
  opensAt: number | undefined;
  closesAt: number | undefined;
  fmt: (ms: number) => string;
  onUseSuggestion: (start: string) => void;
}) {
  const { t } = useT();
  const problemText = slot?.problem
    ? {
        taken: t("slotBusy"),
        closed: slot.closed?.length
          ? t("slotClosure", { reason: slot.closed.map((c) => c.reason).join("、") })
          : t("slotClosed", { from: opensAt !== undefined ? fmt(opensAt) : "", to: closesAt !== undefined ? fmt(closesAt) : "" }),
        past: t("slotPast"),
        room: t("roomClosed"),
      }[slot.problem]
    : null;

  return (
    <div id={id} aria-live="polite" className="mt-2 min-h-6 text-sm">
      {fetching ? (
        <Spinner label={t("slotChecking")} />
      ) : slot?.slotFree ? (
        <span className="inline-flex items-center gap-1.5 text-success-800">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M8 13.2 4.8 10l-1.1 1.1L8 15.4l8.3-8.3-1.1-1.1z" />
          </svg>
          {t("slotOk")}
        </span>
      ) : null}
      {!fetching && slot?.slotFree && pendingCount > 0 ? (
        <p data-testid="pending-warning" className="mt-1 rounded-xl bg-warning-50 p-3 font-medium text-warning-900 ring-1 ring-warning-200">
          {t("pendingOverlapWarn", { n: pendingCount })}
        </p>
      ) : null}
      {fetching || slot?.slotFree ? null : slot?.problem ? (
        <div className="rounded-xl bg-warning-50 p-3 text-warning-900 ring-1 ring-warning-200">
          <p className="font-medium">{problemText}</p>
          {slot.nearest !== null ? (
            <p className="mt-1 flex flex-wrap items-center gap-2">
              {t("suggestion", { time: fmt(slot.nearest) })}
              <button type="button" className={chip} onClick={() => onUseSuggestion(fmt(slot.nearest!))}>
                {t("useSuggestion", { time: fmt(slot.nearest) })}
              </button>
            </p>
          ) : slot.problem !== "room" ? (
            <p className="mt-1">{t("noSuggestion")}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
