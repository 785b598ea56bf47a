"use client";
import { useState } from "react";

// Booking form of the plain legacy page: posts the legacy form fields to /meeting/appointment and shows errmsg.
// The chosen wall-clock time is read in the campus zone (not the phone's), as the server computes open hours there.

function zonedMillis(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offset = (t: number) => {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" })
      .formatToParts(new Date(t))
      .reduce<Record<string, number>>((acc, p) => (p.type === "literal" ? acc : { ...acc, [p.type]: Number(p.value) }), {});
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute) - Math.floor(t / 60000) * 60000;
  };
  const first = wall - offset(wall);
  return wall - offset(first);
}

export function AppointmentForm({ roomId, timeZone, phone }: { roomId: number; timeZone: string; phone: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const at = zonedMillis(String(form.get("start") ?? ""), timeZone);
    if (at === null) return setResult({ ok: false, text: "请选择开始时间" });
    const body = new URLSearchParams();
    body.set("roomId", String(roomId));
    body.set("datetime", String(at));
    for (const k of ["duration", "size", "phone", "purpose", "note"]) body.set(k, String(form.get(k) ?? ""));
    setBusy(true);
    try {
      const res = await fetch("/meeting/appointment", { method: "POST", body });
      const json = (await res.json()) as { errcode: number; errmsg: string };
      setResult(json.errcode === 0 ? { ok: true, text: "提交成功，请等待审核" } : { ok: false, text: json.errmsg });
    } catch {
      setResult({ ok: false, text: "网络错误，请稍后再试" });
    } finally {
      setBusy(false);
    }
  }

  const field = "mt-1 w-full rounded-lg border border-slate-300 px-3 py-2";
  return (
    <form onSubmit={submit} className="mt-4 space-y-3 rounded-2xl bg-white p-5 shadow-sm">
      <label className="block text-sm">
        开始时间
        <input name="start" type="datetime-local" required className={field} />
      </label>
      <label className="block text-sm">
        占用时长（分钟）
        <input name="duration" type="number" min={1} max={1440} required className={field} />
      </label>
      <label className="block text-sm">
        参与人数
        <input name="size" type="number" min={1} required className={field} />
      </label>
      <label className="block text-sm">
        联系电话
        <input name="phone" type="tel" pattern="1[3-9]\d{9}" defaultValue={phone} required className={field} />
      </label>
      <label className="block text-sm">
        会议室用途
        <input name="purpose" maxLength={100} required className={field} />
      </label>
      <label className="block text-sm">
        备注信息（可选）
        <textarea name="note" maxLength={500} className={field} />
      </label>
      <button disabled={busy} className="w-full rounded-xl bg-blue-600 py-3 text-white disabled:opacity-50">
        提交预约
      </button>
      {result && (
        <p role="status" className={result.ok ? "text-green-700" : "text-red-700"}>
          {result.text}
          {result.ok && (
            <>
              {" "}
              <a className="underline" href="/meeting/">回到首页</a>
            </>
          )}
        </p>
      )}
    </form>
  );
}
