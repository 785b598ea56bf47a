"use client";
import { Fragment, useEffect, useMemo, useState } from "react";
import { ACTION_LABELS, ACTOR_LABELS, CHANNEL_LABELS, label, OBJECT_LABELS } from "@/lib/audit-labels";
import { Badge, Button, EmptyState, ErrorState, inputClass, PageHeader } from "../../ui/kit";
import { Pagination } from "../../ui/pagination";
import { usePaging } from "../../ui/use-paging";
import { BASE } from "../../data/client";
import { useAuditPage, type AuditRow } from "../../data/use-audit";

// 操作日志: the audit trail, newest first. Filters travel in the query string of both the JSON view and the xlsx
// export, so the download is exactly what the table shows. Admins who are not super admins see their own actions.



interface Filters {
  person: string;
  objectKind: string;
  objectId: string;
  action: string;
  channel: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { person: "", objectKind: "", objectId: "", action: "", channel: "", from: "", to: "" };

const CHANNEL_TONE: Record<string, "slate" | "blue" | "green" | "amber" | "red"> = {
  console: "blue",
  page: "green",
  legacy: "amber",
  openapi: "slate",
  maintenance: "slate",
};

function useDebounced<T>(value: T, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function query(f: Filters): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(f)) if (v.trim()) out[k] = v.trim();
  return out;
}

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};

/** Before and after side by side, one line per field; changed fields are marked (not by colour alone). */
function ChangeView({ before, after }: { before: unknown; after: unknown }) {
  const b = before && typeof before === "object" && !Array.isArray(before) ? (before as Record<string, unknown>) : null;
  const a = after && typeof after === "object" && !Array.isArray(after) ? (after as Record<string, unknown>) : null;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  if (keys.length === 0) return <p className="text-sm text-slate-500">没有记录变更内容。</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs sm:min-w-[480px]" data-testid="audit-change">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">字段</th>
            <th scope="col" className="py-1 pr-3 font-medium">变更前</th>
            <th scope="col" className="py-1 font-medium">变更后</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {keys.map((k) => {
            const bv = b ? b[k] : undefined;
            const av = a ? a[k] : undefined;
            const changed = b !== null && a !== null && JSON.stringify(bv) !== JSON.stringify(av);
            return (
              <tr key={k}>
                <th scope="row" className="py-1.5 pr-3 font-mono font-normal text-slate-700">
                  {k}
                  {changed && <span className="ml-1 text-warning-700" title="已变更">*</span>}
                </th>
                <td className="max-w-[28rem] break-all py-1.5 pr-3 font-mono text-slate-600">{show(bv)}</td>
                <td className={`max-w-[28rem] break-all py-1.5 font-mono ${changed ? "font-semibold text-slate-900" : "text-slate-600"}`}>{show(av)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Actor({ r }: { r: AuditRow }) {
  return (
    <span className="flex flex-col">
      <span className="font-medium text-slate-900">{r.actorName || (r.actorKind === "system" ? "系统" : "—")}</span>
      <span className="text-xs text-slate-500">
        {label(ACTOR_LABELS, r.actorKind)}
        {r.actorId ? ` · ${r.actorId}` : ""}
      </span>
    </span>
  );
}

function Details({ r }: { r: AuditRow }) {
  return (
    <div className="space-y-3 bg-slate-50 px-4 py-3">
      <ChangeView before={r.before} after={r.after} />
      <p className="break-all text-xs text-slate-500">
        操作代码 <span className="font-mono">{r.action}</span> · 地址 {r.clientAddress || "—"} · User-Agent {r.userAgent || "—"}
      </p>
    </div>
  );
}

export function AuditPage({ privileged }: { privileged: boolean }) {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const filters = useDebounced(draft, 300);
  const { page, size, setPage, pagerProps } = usePaging();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const params = useMemo(() => query(filters), [filters]);
  useEffect(() => setPage(1), [params, setPage]);

  const list = useAuditPage(params, page, size);
  const rows = list.data?.rows ?? [];
  const exportHref = `${BASE}/api/admin/audit/export?${new URLSearchParams(params as Record<string, string>)}`;
  const set = (k: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const toggle = (id: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const filtered = Object.keys(params).length > 0;

  return (
    <>
      <PageHeader
        title="操作日志"
        description={privileged ? "谁在何时、从哪里、通过哪个渠道做了哪些变更。" : "你本人在后台及各渠道做过的操作（超级管理员可查看全部）。"}
        actions={
          <a
            href={exportHref}
            download
            className="inline-flex h-10 items-center justify-center gap-1.5 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            导出 Excel
          </a>
        }
      />
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <form
          className="grid grid-cols-1 gap-3 border-b border-slate-100 p-4 sm:grid-cols-2 lg:grid-cols-4"
          onSubmit={(e) => e.preventDefault()}
          aria-label="筛选操作日志"
        >
          <div>
            <label htmlFor="audit-person" className="block text-xs font-medium text-slate-700">
              操作人
            </label>
            <input id="audit-person" type="search" className={`${inputClass} mt-1`} placeholder="姓名、账号、userid 或 ID" value={draft.person} onChange={set("person")} maxLength={64} />
          </div>
          <div>
            <label htmlFor="audit-action" className="block text-xs font-medium text-slate-700">
              操作
            </label>
            <select id="audit-action" className={`${inputClass} mt-1`} value={draft.action} onChange={set("action")}>
              <option value="">全部操作</option>
              {Object.entries(OBJECT_LABELS).map(([kind, name]) => (
                <optgroup key={kind} label={name}>
                  <option value={kind}>全部{name}操作</option>
                  {Object.entries(ACTION_LABELS)
                    .filter(([a]) => a.startsWith(`${kind}.`) || (kind === "admin" && a.startsWith("auth.admin")) || (kind === "user" && (a.startsWith("auth.user") || a.startsWith("profile."))))
                    .map(([a, n]) => (
                      <option key={a} value={a}>
                        {n}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="audit-kind" className="block text-xs font-medium text-slate-700">
                对象类型
              </label>
              <select id="audit-kind" className={`${inputClass} mt-1`} value={draft.objectKind} onChange={set("objectKind")}>
                <option value="">全部</option>
                {Object.entries(OBJECT_LABELS).map(([k, n]) => (
                  <option key={k} value={k}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="audit-object" className="block text-xs font-medium text-slate-700">
                对象ID
              </label>
              <input id="audit-object" className={`${inputClass} mt-1`} value={draft.objectId} onChange={set("objectId")} maxLength={64} inputMode="text" />
            </div>
          </div>
          <div>
            <label htmlFor="audit-channel" className="block text-xs font-medium text-slate-700">
              渠道
            </label>
            <select id="audit-channel" className={`${inputClass} mt-1`} value={draft.channel} onChange={set("channel")}>
              <option value="">全部渠道</option>
              {Object.entries(CHANNEL_LABELS).map(([k, n]) => (
                <option key={k} value={k}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-2 sm:col-span-2 lg:col-span-2">
            <div>
              <label htmlFor="audit-from" className="block text-xs font-medium text-slate-700">
                开始日期
              </label>
              <input id="audit-from" type="date" className={`${inputClass} mt-1`} value={draft.from} onChange={set("from")} />
            </div>
            <div>
              <label htmlFor="audit-to" className="block text-xs font-medium text-slate-700">
                结束日期
              </label>
              <input id="audit-to" type="date" className={`${inputClass} mt-1`} value={draft.to} onChange={set("to")} />
            </div>
          </div>
          <div className="flex items-end">
            <Button onClick={() => setDraft(EMPTY)} disabled={!filtered && !Object.values(draft).some(Boolean)}>
              清除筛选
            </Button>
          </div>
        </form>
        {list.error && (
          <div className="p-4">
            <ErrorState error={list.error} onRetry={() => list.refetch()} />
          </div>
        )}

        {/* Desktop: a table with an expandable detail row. */}
        <div className="hidden overflow-x-auto md:block">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs font-medium text-slate-600">
              <tr>
                <th scope="col" className="w-10 px-3 py-2.5">
                  <span className="sr-only">展开</span>
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2.5">时间</th>
                <th scope="col" className="px-3 py-2.5">操作人</th>
                <th scope="col" className="px-3 py-2.5">操作</th>
                <th scope="col" className="px-3 py-2.5">对象</th>
                <th scope="col" className="px-3 py-2.5">渠道</th>
                <th scope="col" className="px-3 py-2.5">地址</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <Fragment key={r.id}>
                  <tr className="hover:bg-slate-50" data-testid="audit-row">
                    <td className="px-3 py-2">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-expanded={open.has(r.id)}
                        aria-controls={`audit-${r.id}`}
                        aria-label={`${open.has(r.id) ? "收起" : "展开"}变更详情`}
                        onClick={() => toggle(r.id)}
                      >
                        {open.has(r.id) ? "▾" : "▸"}
                      </Button>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-700">{r.atText}</td>
                    <td className="px-3 py-2">
                      <Actor r={r} />
                    </td>
                    <td className="px-3 py-2 text-slate-900">{label(ACTION_LABELS, r.action)}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                      {label(OBJECT_LABELS, r.objectKind)}
                      {r.objectId ? <span className="ml-1 font-mono text-xs text-slate-500">#{r.objectId}</span> : null}
                    </td>
                    <td className="px-3 py-2">
                      <Badge tone={CHANNEL_TONE[r.channel] ?? "slate"}>{label(CHANNEL_LABELS, r.channel)}</Badge>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-600">{r.clientAddress || "—"}</td>
                  </tr>
                  {open.has(r.id) && (
                    <tr id={`audit-${r.id}`}>
                      <td colSpan={7} className="p-0">
                        <Details r={r} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>

        {/* Phone: one card per entry. */}
        <ul className="divide-y divide-slate-100 md:hidden">
          {rows.map((r) => (
            <li key={r.id} data-testid="audit-card">
              <div className="space-y-1.5 px-4 py-3">
                <div className="flex items-start justify-between gap-2">
                  <span className="font-medium text-slate-900">{label(ACTION_LABELS, r.action)}</span>
                  <Badge tone={CHANNEL_TONE[r.channel] ?? "slate"}>{label(CHANNEL_LABELS, r.channel)}</Badge>
                </div>
                <div className="text-sm text-slate-700">
                  {r.actorName || (r.actorKind === "system" ? "系统" : "—")}
                  <span className="text-xs text-slate-500"> · {label(ACTOR_LABELS, r.actorKind)}</span>
                </div>
                <div className="flex flex-wrap gap-x-3 text-xs text-slate-500">
                  <span className="tabular-nums">{r.atText}</span>
                  <span>
                    {label(OBJECT_LABELS, r.objectKind)}
                    {r.objectId ? ` #${r.objectId}` : ""}
                  </span>
                  {r.clientAddress && <span className="font-mono">{r.clientAddress}</span>}
                </div>
                <Button size="sm" variant="ghost" className="-ml-3" aria-expanded={open.has(r.id)} onClick={() => toggle(r.id)}>
                  {open.has(r.id) ? "收起详情" : "查看变更"}
                </Button>
              </div>
              {open.has(r.id) && <Details r={r} />}
            </li>
          ))}
        </ul>

        {list.isSuccess && rows.length === 0 && <EmptyState>{filtered ? "没有符合条件的操作记录" : "还没有操作记录"}</EmptyState>}
        {list.isPending && <div className="m-4 h-24 animate-pulse rounded bg-slate-100" />}
        {list.data && list.data.count > 0 && <Pagination {...pagerProps(list.data.count)} />}
      </div>
    </>
  );
}
