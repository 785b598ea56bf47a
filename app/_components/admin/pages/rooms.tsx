"use client";
import "@/lib/validation/zod-client"; // before any schema is used: no eval probe under the CSP
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { addRoomSchema, PLACE_MAX, SIZE_MAX } from "@/lib/validation/room";
import { Badge, Button, Card, EmptyState, ErrorState, Field, inputClass, PageHeader, Switch } from "../../ui/kit";
import { ConfirmDialog, Dialog } from "../../ui/dialog";
import { Pagination } from "../../ui/pagination";
import { usePaging } from "../../ui/use-paging";
import { useToast } from "../../ui/toast";
import { BASE, errorText, getJson, postFile, postForm } from "../../data/client";
import { keys } from "../../data/keys";
import { useRoomsPage } from "../../data/use-rooms";
import { fieldErrors } from "../form-errors";
import type { Room } from "@/lib/types/api";
import { RoomFactsDialog } from "./room-facts";

interface State {
  size: number;
  available: 0 | 1;
}
interface Preview {
  filename: string;
  added: { row: number; place: string; size: number; available: 0 | 1 }[];
  updated: { row: number; roomId: number; place: string; before: State; after: State; facts?: { before: unknown; after: unknown } }[];
  closed: { roomId: number; place: string }[];
  unchanged: number;
  invalid: { row: number; column: keyof typeof COLUMN; why: string }[];
}
const COLUMN = { A: "会议室地点", B: "可容纳人数", C: "是否开放", D: "楼宇", E: "楼层", F: "设备", G: "介绍" } as const;
const openText = (a: 0 | 1) => (a ? "开放" : "关闭");

function RoomForm({ room, onDone }: { room: Room | null; onDone: () => void }) {
  const toast = useToast();
  const qc = useQueryClient();
  const [place, setPlace] = useState(room?.place ?? "");
  const [size, setSize] = useState(room ? String(room.size) : "");
  const [available, setAvailable] = useState<0 | 1>(room?.available ?? 1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (data: { place: string; size: string; available: 0 | 1 }) =>
      postForm<{ errmsg: string }>(room ? `/api/admin/rooms/${room.roomId}` : "/api/admin/rooms", data),
    onSuccess: () => {
      toast.success(room ? `已保存 ${place.trim()}` : `已添加 ${place.trim()}`);
      qc.invalidateQueries({ queryKey: keys.rooms.all });
      onDone();
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const data = { place, size, available };
    const parsed = addRoomSchema.safeParse(data);
    const errs = parsed.success ? {} : fieldErrors(parsed.error);
    setErrors(errs);
    if (parsed.success) save.mutate(data);
  };
  return (
    <Dialog
      open
      onClose={onDone}
      title={room ? `编辑会议室 ${room.place}` : "添加会议室"}
      footer={
        <>
          <Button onClick={onDone}>取消</Button>
          <Button variant="primary" type="submit" form="room-form" disabled={save.isPending}>
            {save.isPending ? "保存中…" : "保存"}
          </Button>
        </>
      }
    >
      <form id="room-form" onSubmit={submit} noValidate className="space-y-4">
        <Field label="会议室地点" htmlFor="place" error={errors.place} hint={`唯一，最多 ${PLACE_MAX} 个字符`}>
          <input id="place" className={inputClass} value={place} onChange={(e) => setPlace(e.target.value)} aria-invalid={errors.place ? true : undefined} />
        </Field>
        <Field label="可容纳人数" htmlFor="size" error={errors.size} hint={`1–${SIZE_MAX}`}>
          <input id="size" type="number" inputMode="numeric" min={1} className={inputClass} value={size} onChange={(e) => setSize(e.target.value)} aria-invalid={errors.size ? true : undefined} />
        </Field>
        <div className="flex items-center justify-between">
          <label htmlFor="room-available" className="text-sm font-medium text-slate-800">
            开放预约
          </label>
          <Switch id="room-available" label="开放预约" checked={available === 1} onChange={(v) => setAvailable(v ? 1 : 0)} />
        </div>
      </form>
    </Dialog>
  );
}

function PreviewView({ p }: { p: Preview }) {
  const nothing = p.added.length + p.updated.length + p.closed.length === 0;
  return (
    <div className="space-y-4 text-sm" data-testid="sheet-preview">
      <div className="flex flex-wrap gap-2">
        <Badge tone="green">新增 {p.added.length}</Badge>
        <Badge tone="blue">修改 {p.updated.length}</Badge>
        <Badge tone="amber">关闭 {p.closed.length}</Badge>
        <Badge>不变 {p.unchanged}</Badge>
        {p.invalid.length > 0 && <Badge tone="red">错误 {p.invalid.length}</Badge>}
      </div>
      {p.invalid.length > 0 && (
        <div role="alert" className="rounded-lg border border-danger-200 bg-danger-50 p-3">
          <p className="font-medium text-danger-900">表格有错误，不能应用。请修改后重新上传：</p>
          <ul className="mt-2 space-y-1 text-danger-900">
            {p.invalid.map((c, i) => (
              <li key={i}>
                第 {c.row} 行 {c.column} 列（{COLUMN[c.column]}）：{c.why}
              </li>
            ))}
          </ul>
        </div>
      )}
      {p.added.length > 0 && (
        <section>
          <h3 className="mb-1 font-medium text-success-800">将新增</h3>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {p.added.map((r) => (
              <li key={r.row} className="flex justify-between gap-2 px-3 py-2">
                <span>{r.place}</span>
                <span className="text-slate-600">
                  {r.size} 人 · {openText(r.available)} <span className="text-xs text-slate-400">第 {r.row} 行</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.updated.length > 0 && (
        <section>
          <h3 className="mb-1 font-medium text-brand-700">将修改</h3>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {p.updated.map((r) => (
              <li key={r.roomId} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                <span>{r.place}</span>
                <span className="text-slate-600">
                  {r.before.size !== r.after.size && (
                    <>
                      容量 {r.before.size} → <strong className="text-slate-900">{r.after.size}</strong>{" "}
                    </>
                  )}
                  {r.before.available !== r.after.available && (
                    <>
                      {openText(r.before.available)} → <strong className="text-slate-900">{openText(r.after.available)}</strong>{" "}
                    </>
                  )}
                  {r.facts && <strong className="text-slate-900">楼宇/楼层/设备/介绍有修改</strong>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.closed.length > 0 && (
        <section>
          <h3 className="mb-1 font-medium text-warning-800">表格中没有，将关闭（不会删除，已有预约保留）</h3>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {p.closed.map((r) => (
              <li key={r.roomId} className="px-3 py-2">
                {r.place}
              </li>
            ))}
          </ul>
        </section>
      )}
      {nothing && p.invalid.length === 0 && <p className="text-slate-600">表格与当前会议室完全一致，应用后不会有任何变化。</p>}
    </div>
  );
}

function SheetFlow() {
  const toast = useToast();
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmApply, setConfirmApply] = useState(false);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      await postFile("/rooms/upload", "rooms", file);
      return (await getJson<{ preview: Preview }>("/api/admin/rooms/preview")).preview;
    },
    onSuccess: (p) => {
      setPreview(p);
      if (p.invalid.length) toast.error(`表格有 ${p.invalid.length} 处错误，不能应用`);
      else toast.success("上传成功，请核对下方预览");
    },
    onError: (e) => toast.error(errorText(e)),
    onSettled: () => {
      if (fileRef.current) fileRef.current.value = "";
    },
  });
  const apply = useMutation({
    mutationFn: () => getJson<{ errmsg: string }>("/rooms/set"),
    onSuccess: (r) => {
      toast.success(r.errmsg);
      setPreview(null);
      setConfirmApply(false);
      qc.invalidateQueries({ queryKey: keys.rooms.all });
    },
    onError: (e) => {
      toast.error(errorText(e));
      setConfirmApply(false);
    },
  });
  const canApply = preview !== null && preview.invalid.length === 0 && preview.added.length + preview.updated.length + preview.closed.length > 0;
  return (
    <Card title="表格批量导入">
      <ol className="grid gap-4 md:grid-cols-3">
        <li className="rounded-lg border border-slate-200 p-4">
          <p className="text-xs font-semibold text-brand-700">第 1 步</p>
          <p className="mt-1 font-medium text-slate-900">下载表格</p>
          <p className="mt-1 text-sm text-slate-600">按模板填写，或在当前会议室表格上修改。</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <a className="inline-flex h-8 items-center rounded-lg border border-slate-300 px-3 text-xs font-medium text-slate-800 hover:bg-slate-50" href={`${BASE}/rooms/download?template=1`} download>
              下载模板
            </a>
            <a className="inline-flex h-8 items-center rounded-lg border border-slate-300 px-3 text-xs font-medium text-slate-800 hover:bg-slate-50" href={`${BASE}/rooms/download`} download>
              下载当前会议室
            </a>
          </div>
        </li>
        <li className="rounded-lg border border-slate-200 p-4">
          <p className="text-xs font-semibold text-brand-700">第 2 步</p>
          <label htmlFor="sheet-file" className="mt-1 block font-medium text-slate-900">
            上传表格
          </label>
          <p className="mt-1 text-sm text-slate-600">.xlsx 文件；上传不会修改任何数据。</p>
          {/* The native control's button text follows the browser's language; a styled label keeps it Chinese. */}
          <input
            ref={fileRef}
            id="sheet-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="peer sr-only"
            disabled={upload.isPending}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) upload.mutate(f);
            }}
          />
          <label
            htmlFor="sheet-file"
            aria-hidden
            className="mt-3 inline-flex h-8 cursor-pointer items-center rounded-lg bg-brand-50 px-3 text-xs font-medium text-brand-700 hover:bg-brand-100 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:opacity-50"
          >
            选择 .xlsx 文件…
          </label>
          {upload.isPending && <p className="mt-2 text-sm text-slate-600">正在上传并检查…</p>}
        </li>
        <li className="rounded-lg border border-slate-200 p-4">
          <p className="text-xs font-semibold text-brand-700">第 3 步</p>
          <p className="mt-1 font-medium text-slate-900">核对并应用</p>
          <p className="mt-1 text-sm text-slate-600">按地点匹配：新增、修改、关闭一次完成；会议室编号不变。</p>
          <Button className="mt-3" variant="primary" size="sm" disabled={!canApply} onClick={() => setConfirmApply(true)}>
            应用表格
          </Button>
        </li>
      </ol>
      {preview && (
        <div className="mt-5 border-t border-slate-100 pt-4">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">预览：{preview.filename}</h3>
          <PreviewView p={preview} />
        </div>
      )}
      <ConfirmDialog
        open={confirmApply}
        title="应用会议室表格"
        message={
          preview && (
            <>
              将新增 {preview.added.length} 间、修改 {preview.updated.length} 间、关闭 {preview.closed.length} 间会议室。确定应用吗？
            </>
          )
        }
        confirmLabel="应用"
        busy={apply.isPending}
        onConfirm={() => apply.mutate()}
        onClose={() => setConfirmApply(false)}
      />
    </Card>
  );
}

export function RoomsPage() {
  const toast = useToast();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Room | "new" | null>(null);
  const [closing, setClosing] = useState<Room | null>(null);
  // Server paged and searchable: a campus may have 2,000 rooms.
  const { page, size, setPage, pagerProps } = usePaging(50);
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const t = setTimeout(() => {
      setSearch(q.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(t);
  }, [q, setPage]);
  const list = useRoomsPage(page, size, search);
  const [facts, setFacts] = useState<Room | null>(null);
  const setOpen = useMutation({
    mutationFn: (v: { room: Room; available: 0 | 1 }) => postForm(`/api/admin/rooms/${v.room.roomId}/available`, { available: v.available }),
    onSuccess: (_, v) => {
      toast.success(`${v.room.place} 已${v.available ? "开放" : "关闭"}`);
      setClosing(null);
      qc.invalidateQueries({ queryKey: keys.rooms.all });
    },
    onError: (e) => {
      toast.error(errorText(e));
      setClosing(null);
    },
  });
  const rows = list.data?.rooms ?? [];
  return (
    <>
      <PageHeader
        title="会议室"
        description={list.data ? `${search ? `与“${search}”匹配的` : "共 "}${list.data.count} 间，${list.data.openCount} 间开放预约` : undefined}
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            + 添加会议室
          </Button>
        }
      />
      <div className="space-y-4">
        <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
          {list.error && (
            <div className="p-4">
              <ErrorState error={list.error} onRetry={() => list.refetch()} />
            </div>
          )}
          <div className="border-b border-slate-100 p-3">
            <label htmlFor="rooms-q" className="sr-only">
              搜索地点
            </label>
            <input id="rooms-q" type="search" className={`${inputClass} sm:max-w-xs`} placeholder="搜索地点，如 逸夫楼" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          {/* Below md: one card per room, actions never clipped. */}
          <ul className="divide-y divide-slate-100 md:hidden" aria-label="会议室列表">
            {rows.map((r) => (
              <li key={r.roomId} data-room-card={r.place} className="flex items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">{r.place}</p>
                  <p className="text-xs text-slate-600">
                    #{r.roomId} · {r.size} 人 · {r.available ? "开放" : "已关闭"}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  <Switch
                    id={`open-card-${r.roomId}`}
                    label={`${r.place} 开放预约`}
                    checked={r.available === 1}
                    disabled={setOpen.isPending}
                    onChange={(v) => (v ? setOpen.mutate({ room: r, available: 1 }) : setClosing(r))}
                  />
                  <Button size="sm" onClick={() => setEditing(r)} aria-label={`编辑 ${r.place}`}>
                    编辑
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full min-w-[520px] text-left text-sm [&_td]:whitespace-nowrap [&_th]:whitespace-nowrap">
              <thead className="bg-slate-50 text-xs font-medium text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2.5">编号</th>
                  <th scope="col" className="px-4 py-2.5">地点</th>
                  <th scope="col" className="px-4 py-2.5">容量</th>
                  <th scope="col" className="px-4 py-2.5">开放预约</th>
                  <th scope="col" className="px-4 py-2.5 text-right">操作</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.roomId} data-room={r.place} className="hover:bg-slate-50">
                    <td className="px-4 py-2.5 tabular-nums text-slate-600">{r.roomId}</td>
                    <td className="px-4 py-2.5 font-medium text-slate-900">{r.place}</td>
                    <td className="px-4 py-2.5 tabular-nums text-slate-700">{r.size} 人</td>
                    <td className="px-4 py-2.5">
                      <div className="flex items-center gap-2">
                        <Switch
                          id={`open-${r.roomId}`}
                          label={`${r.place} 开放预约`}
                          checked={r.available === 1}
                          disabled={setOpen.isPending}
                          onChange={(v) => (v ? setOpen.mutate({ room: r, available: 1 }) : setClosing(r))}
                        />
                        <span className="text-xs text-slate-600">{r.available ? "开放" : "已关闭"}</span>
                      </div>
                    </td>
                    <td className="px-4 py-2.5 text-right">
                      <Button size="sm" variant="ghost" onClick={() => setFacts(r)} aria-label={`${r.place} 的设施、照片与签到`}>
                        设施与签到
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setEditing(r)} aria-label={`编辑 ${r.place}`}>
                        编辑
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.isSuccess && rows.length === 0 && <EmptyState>{search ? `没有与“${search}”匹配的会议室` : "还没有会议室。添加一间，或用下方表格批量导入。"}</EmptyState>}
          {list.data && list.data.count > 0 && <Pagination {...pagerProps(list.data.count)} />}
          {list.isPending && <div className="m-4 h-24 animate-pulse rounded bg-slate-100" />}
        </div>
        <SheetFlow />
      </div>
      {facts && <RoomFactsDialog room={facts} onDone={() => setFacts(null)} />}
      {editing && <RoomForm room={editing === "new" ? null : editing} onDone={() => setEditing(null)} />}
      <ConfirmDialog
        open={closing !== null}
        title="关闭会议室"
        danger
        message={<>关闭后用户不能再预约 {closing?.place}，已有的预约保留不变。确定关闭吗？</>}
        confirmLabel="关闭"
        busy={setOpen.isPending}
        onConfirm={() => setOpen.mutate({ room: closing!, available: 0 })}
        onClose={() => setClosing(null)}
      />
    </>
  );
}
