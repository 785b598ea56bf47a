"use client";
import "@/lib/validation/zod-client"; // before any schema is used: no eval probe under the CSP
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { settingsFormSchema, MAX_CLEAN_INTERVAL_DAYS, MAX_REVIEW_INTERVAL_MINUTES } from "@/lib/validation/settings";
import { Button, Card, ErrorState, Field, inputClass, PageHeader, Switch } from "../../ui/kit";
import { useToast } from "../../ui/toast";
import { errorText, postForm } from "../../data/client";
import { keys } from "../../data/keys";
import { useServerProperties } from "../../data/use-server";
import { fieldErrors } from "../form-errors";
import { pad2 } from "../status";
import type { ServerProperties } from "@/lib/types/api";
import { RoomSettingsCard } from "./room-settings";
import { SeriesSettingsCard } from "./series-settings";

interface Draft {
  open: string;
  close: string;
  closeMidnight: boolean;
  check: boolean;
  checkInterval: string;
  clean: boolean;
  cleanInterval: string;
}

const toDraft = (p: ServerProperties): Draft => ({
  open: `${pad2(p.sh)}:${pad2(p.sm)}`,
  close: p.ch === 24 ? "23:59" : `${pad2(p.ch)}:${pad2(p.cm)}`,
  closeMidnight: p.ch === 24,
  check: p.check,
  checkInterval: String(p.checkInterval),
  clean: p.clean,
  cleanInterval: String(p.cleanInterval),
});

const num = (s: string) => (s.trim() === "" ? NaN : Number(s));

function toInput(d: Draft) {
  const [sh, sm] = d.open.split(":").map(num);
  const [ch, cm] = d.closeMidnight ? [24, 0] : d.close.split(":").map(num);
  return { sh, sm, ch, cm, check: d.check, checkInterval: num(d.checkInterval), clean: d.clean, cleanInterval: num(d.cleanInterval) };
}

export function SettingsPage() {
  const qc = useQueryClient();
  const toast = useToast();
  const props = useServerProperties();
  // The form: the admin's edits, or (none yet, or reset) the saved values.
  const [edited, setDraft] = useState<Draft | null>(null);
  const draft = edited ?? (props.data ? toDraft(props.data) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (input: ReturnType<typeof toInput>) => postForm<{ errmsg: string }>("/server/properties", input),
    onSuccess: (r, input) => {
      toast.success(`${r.errmsg}，已立即生效`);
      // The saved values are the truth now: put them in the cache and the form at once (refilling the draft from the
      // cache before the refetch landed showed the old values, as if the save had been lost).
      const saved = { ...(qc.getQueryData<ServerProperties>(keys.properties) ?? ({} as ServerProperties)), ...input };
      qc.setQueryData(keys.properties, saved);
      setDraft(toDraft(saved));
      qc.invalidateQueries({ queryKey: keys.properties });
      qc.invalidateQueries({ queryKey: keys.server });
    },
    onError: (e) => toast.error(errorText(e)),
  });

  if (props.error) return <ErrorState error={props.error} onRetry={() => props.refetch()} />;
  if (!draft) return <div className="h-64 animate-pulse rounded-xl bg-white" />;

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input = toInput(draft);
    const parsed = settingsFormSchema.safeParse(input);
    const errs = parsed.success ? {} : fieldErrors(parsed.error);
    setErrors(errs);
    if (!parsed.success) return;
    save.mutate(input);
  };
  const openErr = errors.sh ?? errors.sm ?? null;
  const closeErr = errors.ch ?? errors.cm ?? null;
  const dirty = props.data ? JSON.stringify(toInput(draft)) !== JSON.stringify(toInput(toDraft(props.data))) : false;

  return (
    <>
      <PageHeader title="参数设置" description="保存后立即对所有服务器生效，并持久保存。" />
      <form onSubmit={submit} noValidate className="space-y-4">
        <Card title="开放时间">
          <p className="mb-4 text-sm text-slate-600">每天可以预约的时间段，提交、搜索和审核时都按实际时长检查。</p>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="开放时间" htmlFor="open" error={openErr}>
              <input id="open" type="time" step={60} className={inputClass} value={draft.open} onChange={(e) => set("open", e.target.value)} aria-invalid={openErr ? true : undefined} required />
            </Field>
            <Field label="关闭时间" htmlFor="close" error={closeErr}>
              <input
                id="close"
                type="time"
                step={60}
                className={inputClass}
                value={draft.closeMidnight ? "" : draft.close}
                disabled={draft.closeMidnight}
                onChange={(e) => set("close", e.target.value)}
                aria-invalid={closeErr ? true : undefined}
              />
            </Field>
            <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
              <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={draft.closeMidnight} onChange={(e) => set("closeMidnight", e.target.checked)} />
              开放到午夜（24:00）
            </label>
          </div>
        </Card>

        <Card title="自动审核">
          <div className="flex items-start justify-between gap-4">
            <div>
              <label htmlFor="check" className="text-sm font-medium text-slate-800">
                自动审核预约
              </label>
              <p className="mt-0.5 text-sm text-slate-600">按提交先后自动通过不冲突的预约。开启期间人工审核停用。</p>
            </div>
            <Switch id="check" label="自动审核预约" checked={draft.check} onChange={(v) => set("check", v)} />
          </div>
          <Field label="审核间隔（分钟）" htmlFor="checkInterval" error={errors.checkInterval} hint={`1–${MAX_REVIEW_INTERVAL_MINUTES} 分钟`} className="mt-4 sm:w-56">
            <input id="checkInterval" type="number" inputMode="numeric" min={1} max={MAX_REVIEW_INTERVAL_MINUTES} className={inputClass} value={draft.checkInterval} onChange={(e) => set("checkInterval", e.target.value)} aria-invalid={errors.checkInterval ? true : undefined} />
          </Field>
        </Card>

        <Card title="过期记录清理">
          <div className="flex items-start justify-between gap-4">
            <div>
              <label htmlFor="clean" className="text-sm font-medium text-slate-800">
                定期清理过期记录
              </label>
              <p className="mt-0.5 text-sm text-slate-600">删除结束时间早于保留天数的过期记录，其他记录不受影响。</p>
            </div>
            <Switch id="clean" label="定期清理过期记录" checked={draft.clean} onChange={(v) => set("clean", v)} />
          </div>
          <Field label="保留天数" htmlFor="cleanInterval" error={errors.cleanInterval} hint={`1–${MAX_CLEAN_INTERVAL_DAYS} 天`} className="mt-4 sm:w-56">
            <input id="cleanInterval" type="number" inputMode="numeric" min={1} max={MAX_CLEAN_INTERVAL_DAYS} className={inputClass} value={draft.cleanInterval} onChange={(e) => set("cleanInterval", e.target.value)} aria-invalid={errors.cleanInterval ? true : undefined} />
          </Field>
        </Card>

        <div className="sticky bottom-0 -mx-4 flex justify-end gap-2 border-t border-slate-200 bg-slate-100/95 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
          <Button onClick={() => { setDraft(props.data ? toDraft(props.data) : null); setErrors({}); }} disabled={!dirty || save.isPending}>
            撤销修改
          </Button>
          <Button variant="primary" type="submit" disabled={save.isPending}>
            {save.isPending ? "保存中…" : "保存修改"}
          </Button>
        </div>
      </form>
      <div className="mt-6 space-y-4">
        <SeriesSettingsCard />
        <RoomSettingsCard />
      </div>
    </>
  );
}
