"use client";
// The personal calendar feed on the profile page: subscribe (webcal://), copy the address, or replace it.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { postForm } from "../data/client";
import { btnPrimary, btnSecondary, card, focusRing } from "../ui/classes";

type Urls = { https: string; webcal: string };

export function CalendarFeed({ initial }: { initial: Urls }) {
  const { t } = useT();
  const [urls, setUrls] = useState(initial);
  const [note, setNote] = useState<string | null>(null);
  const regenerate = useMutation({
    mutationFn: () => postForm<Urls>("/api/me/ical", {}),
    onSuccess: (r) => {
      setUrls({ https: r.https, webcal: r.webcal });
      setNote(t("calendarRegenerated"));
    },
  });
  return (
    <section aria-labelledby="cal-title" className={card}>
      <h2 id="cal-title" className="text-lg font-semibold">
        {t("calendarTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("calendarLead")}</p>
      <input
        readOnly
        aria-label={t("calendarTitle")}
        value={urls.https}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-3 block w-full truncate rounded-xl border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-700"
      />
      <p className="mt-1 text-xs text-slate-600">{t("calendarSecret")}</p>
      <div className="mt-3 grid gap-2 sm:grid-cols-3">
        <a href={urls.webcal} className={btnPrimary}>
          {t("calendarSubscribe")}
        </a>
        <button
          type="button"
          className={btnSecondary}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(urls.https);
              setNote(t("calendarCopied"));
            } catch {
              setNote(urls.https);
            }
          }}
        >
          {t("calendarCopy")}
        </button>
        <button
          type="button"
          className={`${btnSecondary} ${focusRing}`}
          disabled={regenerate.isPending}
          onClick={() => {
            if (window.confirm(t("calendarRegenerateConfirm"))) regenerate.mutate();
          }}
        >
          {t("calendarRegenerate")}
        </button>
      </div>
      <p aria-live="polite" className="mt-2 text-sm text-success-800">
        {note}
      </p>
      {regenerate.error && (
        <p role="alert" className="mt-2 text-sm text-danger-800">
          {regenerate.error.message}
        </p>
      )}
    </section>
  );
}
