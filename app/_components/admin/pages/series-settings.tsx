"use client";
// Console settings: the caps on recurring bookings (its own endpoint and save button; the legacy /server/properties
// form keeps its shape). The form checks with the endpoint's own schema before sending.
import "@/lib/validation/zod-client"; // before any schema is used: no eval probe under the CSP
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SERIES_MAX_OCCURRENCES_LIMIT, SERIES_MAX_WEEKS_LIMIT, seriesSettingsSchema } from "@/lib/validation/series-settings";
import { errorText } from "../../data/client";
import { keys } from "../../data/keys";
import { saveSeriesSettings, useSeriesSettings, type SeriesSettings } from "../../data/use-series-settings";
import { Button, Card, ErrorState, Field, inputClass } from "../../ui/kit";
import { useToast } from "../../ui/toast";
import { fieldErrors } from "../form-errors";

function Form({ data }: { data: SeriesSettings }) {
  const toast = useToast();
  const qc = useQueryClient();
  const [weeks, setWeeks] = useState(String(data.seriesMaxWeeks));
  const [count, setCount] = useState(String(data.seriesMaxOccurrences));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: saveSeriesSettings,
    onSuccess: (r) => {
      toast.success("已保存重复预约上限");
      // The saved values are the truth now: the form keeps them (no snap back to the cached ones).
      qc.setQueryData(keys.seriesSettings, { settings: r.settings });
    },
    onError: (e) => toast.error(errorText(e)),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = seriesSettingsSchema.safeParse({ seriesMaxWeeks: weeks, seriesMaxOccurrences: count });
        setErrors(parsed.success ? {} : fieldErrors(parsed.error));
        if (parsed.success) save.mutate(parsed.data);
      }}
      noValidate
      className="space-y-4"
    >
      <p className="text-sm text-slate-600">一个重复预约（如“每周二 19:00–21:00 组会”）最多可以跨越的周数和包含的次数。已提交的重复预约不受影响。</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="最长周数" htmlFor="series-weeks" error={errors.seriesMaxWeeks} hint={`1–${SERIES_MAX_WEEKS_LIMIT} 周，默认 16`}>
          <input id="series-weeks" type="number" inputMode="numeric" min={1} max={SERIES_MAX_WEEKS_LIMIT} className={inputClass} value={weeks} onChange={(e) => setWeeks(e.target.value)} aria-invalid={errors.seriesMaxWeeks ? true : undefined} />
        </Field>
        <Field label="最多次数" htmlFor="series-count" error={errors.seriesMaxOccurrences} hint={`1–${SERIES_MAX_OCCURRENCES_LIMIT} 次，默认 100`}>
          <input id="series-count" type="number" inputMode="numeric" min={1} max={SERIES_MAX_OCCURRENCES_LIMIT} className={inputClass} value={count} onChange={(e) => setCount(e.target.value)} aria-invalid={errors.seriesMaxOccurrences ? true : undefined} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button variant="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? "保存中…" : "保存上限"}
        </Button>
      </div>
    </form>
  );
}

export function SeriesSettingsCard() {
  const q = useSeriesSettings();
  return (
    <Card title="重复预约上限">
      {q.error && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <div className="h-24 animate-pulse rounded bg-slate-100" />}
      {q.data && <Form key={JSON.stringify(q.data.settings)} data={q.data.settings} />}
    </Card>
  );
}
