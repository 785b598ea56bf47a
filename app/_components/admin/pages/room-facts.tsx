"use client";
// Console: a room's facts (building, floor, equipment, description), photos, check-in (switch, printable code,
// new secret) and its calendar feed for admins. Opened from the rooms table.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { BUILDING_MAX, DESCRIPTION_MAX, FLOOR_MAX } from "@/lib/validation/room-facts";
import { Badge, Button, ErrorState, Field, inputClass, Switch } from "../../ui/kit";
import { ConfirmDialog, Dialog } from "../../ui/dialog";
import { useToast } from "../../ui/toast";
import { BASE, errorText, postFile, postForm } from "../../data/client";
import { keys } from "../../data/keys";
import { useRoomFacts, type RoomFacts as Facts } from "../../data/use-rooms";
import type { Room } from "@/lib/types/api";


const MAX_PHOTOS = 6;

function FactsForm({ facts, equipment, onSaved }: { facts: Facts; equipment: string[]; onSaved: () => void }) {
  const toast = useToast();
  const [building, setBuilding] = useState(facts.building);
  const [floor, setFloor] = useState(facts.floor);
  const [description, setDescription] = useState(facts.description);
  const [chosen, setChosen] = useState<string[]>(facts.equipment);
  const [checkIn, setCheckIn] = useState(facts.checkInRequired);
  const save = useMutation({
    mutationFn: () =>
      postForm(`/api/admin/rooms/${facts.roomId}/facts`, { building, floor, description, equipment: chosen, checkInRequired: checkIn }),
    onSuccess: () => {
      toast.success(`已保存 ${facts.place} 的信息`);
      onSaved();
    },
    onError: (e) => toast.error(errorText(e)),
  });
  return (
    <form
      id="facts-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      className="space-y-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="楼宇" htmlFor="f-building" hint={`最多 ${BUILDING_MAX} 个字符`}>
          <input id="f-building" className={inputClass} value={building} maxLength={BUILDING_MAX} onChange={(e) => setBuilding(e.target.value)} placeholder="如：图书馆" />
        </Field>
        <Field label="楼层" htmlFor="f-floor" hint="如 3、B1、3F">
          <input id="f-floor" className={inputClass} value={floor} maxLength={FLOOR_MAX} onChange={(e) => setFloor(e.target.value)} />
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-slate-800">设备</legend>
        <div className="flex flex-wrap gap-2">
          {equipment.map((e) => (
            <label key={e} className="inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-full border border-slate-300 px-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-700">
              <input
                type="checkbox"
                className="h-4 w-4 accent-brand-600"
                checked={chosen.includes(e)}
                onChange={(ev) => setChosen(ev.target.checked ? [...chosen, e] : chosen.filter((x) => x !== e))}
              />
              {e}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">设备名称可在“设置 → 会议室设备与签到”中添加。</p>
      </fieldset>
      <Field label="介绍" htmlFor="f-desc" hint={`${description.length}/${DESCRIPTION_MAX}`}>
        <textarea id="f-desc" rows={3} className={inputClass} value={description} maxLength={DESCRIPTION_MAX} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <div className="flex items-center justify-between rounded-lg border border-slate-200 p-3">
        <div>
          <label htmlFor="f-checkin" className="text-sm font-medium text-slate-800">
            需要签到
          </label>
          <p className="text-xs text-slate-500">开启后，已通过的预约若在签到截止前无人签到，将自动释放。</p>
        </div>
        <Switch id="f-checkin" label="需要签到" checked={checkIn} onChange={setCheckIn} />
      </div>
      <div className="flex justify-end">
        <Button variant="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? "保存中…" : "保存信息"}
        </Button>
      </div>
    </form>
  );
}

function Photos({ facts, onChanged }: { facts: Facts; onChanged: () => void }) {
  const toast = useToast();
  const fileRef = useRef<HTMLInputElement>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      for (const f of files) await postFile(`/api/admin/rooms/${facts.roomId}/photos`, "photo", f);
    },
    onSuccess: () => toast.success("照片已上传"),
    onError: (e) => toast.error(errorText(e)),
    onSettled: () => {
      if (fileRef.current) fileRef.current.value = "";
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => postForm(`/api/admin/rooms/${facts.roomId}/photos/${id}`, {}),
    onSuccess: () => {
      toast.success("照片已删除");
      setRemoving(null);
      onChanged();
    },
    onError: (e) => {
      toast.error(errorText(e));
      setRemoving(null);
    },
  });
  const left = MAX_PHOTOS - facts.photos.length;
  return (
    <section aria-labelledby="photos-title" className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 id="photos-title" className="text-sm font-semibold text-slate-900">
          照片 <span className="font-normal text-slate-500">{facts.photos.length}/{MAX_PHOTOS}</span>
        </h3>
        <input
          ref={fileRef}
          id="photo-file"
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp,image/gif,image/bmp"
          className="peer sr-only"
          disabled={left <= 0 || upload.isPending}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].slice(0, left);
            if (files.length) upload.mutate(files);
          }}
        />
        <label
          htmlFor="photo-file"
          className="inline-flex h-8 cursor-pointer items-center rounded-lg bg-brand-50 px-3 text-xs font-medium text-brand-700 hover:bg-brand-100 peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-50"
        >
          {upload.isPending ? "上传中…" : "+ 添加照片"}
        </label>
      </div>
      {facts.photos.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">还没有照片。PNG、JPEG、WebP，每张不超过 8MB，上传后会压缩并去除拍摄信息。</p>
      ) : (
        <ul className="grid grid-cols-3 gap-2">
          {facts.photos.map((p, i) => (
            <li key={p.id} className="group relative">
              <img src={`${BASE}${p.path}`} alt={`${facts.place} 照片 ${i + 1}`} className="aspect-[4/3] w-full rounded-lg object-cover ring-1 ring-slate-200" />
              {i === 0 && <span className="absolute left-1 top-1"><Badge tone="blue">封面</Badge></span>}
              <Button size="sm" variant="ghost" className="absolute right-1 top-1 bg-white/90" onClick={() => setRemoving(p.id)} aria-label={`删除照片 ${i + 1}`}>
                删除
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="删除照片"
        danger
        message="删除后不可恢复。确定删除这张照片吗？"
        confirmLabel="删除"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(removing!)}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}

function Secrets({ facts, onChanged }: { facts: Facts; onChanged: () => void }) {
  const toast = useToast();
  const [confirm, setConfirm] = useState<"checkIn" | "ical" | null>(null);
  const regen = useMutation({
    mutationFn: (which: "checkIn" | "ical") => postForm(`/api/admin/rooms/${facts.roomId}/tokens`, { which }),
    onSuccess: (_, which) => {
      toast.success(which === "checkIn" ? "已生成新的签到码，请重新打印" : "已生成新的日历订阅地址");
      setConfirm(null);
      onChanged();
    },
    onError: (e) => {
      toast.error(errorText(e));
      setConfirm(null);
    },
  });
  const poster = (format: string) => `${BASE}/api/admin/rooms/${facts.roomId}/poster?format=${format}`;
  const link = "inline-flex h-8 items-center rounded-lg border border-slate-300 px-3 text-xs font-medium text-slate-800 hover:bg-slate-50";
  return (
    <section className="grid gap-3 sm:grid-cols-2">
      <div className="rounded-lg border border-slate-200 p-3">
        <h3 className="text-sm font-semibold text-slate-900">签到码</h3>
        <p className="mt-1 text-xs text-slate-500">贴在会议室门口，企业微信扫码打开签到页。{facts.checkInRequired ? "" : "（本会议室未开启“需要签到”）"}</p>
        <div className="mt-2 flex flex-wrap gap-2">
          <a className={link} href={poster("png")} download>
            PNG
          </a>
          <a className={link} href={poster("a4")} download>
            A4 PDF
          </a>
          <a className={link} href={poster("a5")} download>
            A5 PDF
          </a>
          {facts.checkInUrl && (
            <Button size="sm" variant="ghost" onClick={() => setConfirm("checkIn")}>
              重新生成
            </Button>
          )}
        </div>
        {facts.checkInUrl && <p className="mt-2 break-all font-mono text-[11px] text-slate-500">{facts.checkInUrl}</p>}
      </div>
      <div className="rounded-lg border border-slate-200 p-3">
        <h3 className="text-sm font-semibold text-slate-900">会议室日历订阅</h3>
        <p className="mt-1 text-xs text-slate-500">供管理员在日历中查看本会议室的全部预约（含预约人），请勿外传。</p>
        {facts.feed ? (
          <>
            <p className="mt-2 break-all font-mono text-[11px] text-slate-500">{facts.feed.https}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <a className={link} href={facts.feed.webcal}>
                订阅
              </a>
              <Button size="sm" variant="ghost" onClick={() => setConfirm("ical")}>
                重新生成
              </Button>
            </div>
          </>
        ) : (
          <Button className="mt-2" size="sm" onClick={() => regen.mutate("ical")} disabled={regen.isPending}>
            生成订阅地址
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "checkIn" ? "重新生成签到码" : "重新生成订阅地址"}
        danger
        message={confirm === "checkIn" ? "旧的签到码将立即失效，需要重新打印张贴。确定吗？" : "旧的订阅地址将立即失效。确定吗？"}
        confirmLabel="重新生成"
        busy={regen.isPending}
        onConfirm={() => regen.mutate(confirm!)}
        onClose={() => setConfirm(null)}
      />
    </section>
  );
}

export function RoomFactsDialog({ room, onDone }: { room: Room; onDone: () => void }) {
  const qc = useQueryClient();
  const q = useRoomFacts(room.roomId);
  const refresh = () => qc.invalidateQueries({ queryKey: keys.rooms.facts(room.roomId) });
  return (
    <Dialog open onClose={onDone} wide title={`${room.place} · 设施、照片与签到`} footer={<Button onClick={onDone}>关闭</Button>}>
      {q.error && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <div className="h-40 animate-pulse rounded bg-slate-100" />}
      {q.data && (
        <div className="space-y-6">
          <FactsForm key={JSON.stringify(q.data.facts.equipment) + q.data.facts.checkInRequired} facts={q.data.facts} equipment={q.data.equipment} onSaved={refresh} />
          <Photos facts={q.data.facts} onChanged={refresh} />
          <Secrets facts={q.data.facts} onChanged={refresh} />
        </div>
      )}
    </Dialog>
  );
}
