"use client";
// Admin password sign-in: posts the legacy form to /meeting/login and follows the errcode.
import { useState } from "react";

export function AdminLoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = new URLSearchParams(new FormData(e.currentTarget) as unknown as Record<string, string>);
      const res = await fetch("/meeting/login", { method: "POST", body });
      const json = (await res.json()) as { errcode: number; errmsg: string };
      if (json.errcode === 0) {
        window.location.assign(next);
        return;
      }
      setError(json.errmsg);
    } catch {
      setError("网络错误，请稍后再试");
    }
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="block">
        <span className="text-sm text-slate-700">用户名</span>
        <input name="username" required autoComplete="username" className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none" />
      </label>
      <label className="block">
        <span className="text-sm text-slate-700">密码</span>
        <input name="password" type="password" required autoComplete="current-password" className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none" />
      </label>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="w-full rounded-xl bg-brand-500 px-4 py-2.5 font-medium text-white hover:bg-brand-600 disabled:opacity-60">
        {busy ? "登录中…" : "登录"}
      </button>
    </form>
  );
}
