"use client";
// Admin password sign-in: posts the legacy form to /meeting/login and follows the errcode.
import { useRef, useState } from "react";
import { ApiError } from "../data/client";
import { signInAdmin } from "../data/use-session";
import { buttonClass, inputClass } from "../ui/classes";

interface Props {
  next: string;
  /** Failed attempts allowed per window before 4003, and the window in minutes (from the server's throttle). */
  limit: number;
  windowMinutes: number;
}

export function AdminLoginForm({ next, limit, windowMinutes }: Props) {
  const [error, setError] = useState<{ code: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (!String(form.get("username") ?? "").trim() || !String(form.get("password") ?? "")) {
      setError({ code: 4002, text: "请输入用户名和密码" });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signInAdmin({ username: String(form.get("username") ?? ""), password: String(form.get("password") ?? "") });
      window.location.assign(next);
      return;
    } catch (e) {
      if (!(e instanceof ApiError)) setError({ code: 0, text: "网络错误，请检查网络后重试" });
      else if (e.code === 4003) {
        setError({ code: 4003, text: `登录尝试过于频繁（${e.errmsg}）。连续 ${limit} 次失败后，每次重试前的等待逐次加倍（最长 ${windowMinutes} 分钟），请稍后再试。` });
      } else if (e.code === 1002) {
        setError({ code: 1002, text: `${e.errmsg}。请检查后重试；连续 ${limit} 次失败后需稍候才能再试，等待逐次加长。` });
        passwordRef.current?.select();
      } else setError({ code: e.code, text: e.errmsg });
    }
    setBusy(false);
  }

  const input = `${inputClass} mt-1.5`;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <label className="block">
        <span className="text-sm font-medium text-slate-800">用户名</span>
        <input name="username" required autoComplete="username" autoFocus className={input} aria-describedby={error ? "login-error" : undefined} />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-800">密码</span>
        <input ref={passwordRef} name="password" type="password" required autoComplete="current-password" className={input} aria-describedby={error ? "login-error" : undefined} />
      </label>
      {error && (
        <p id="login-error" role="alert" data-errcode={error.code} className={`rounded-lg px-3 py-2 text-sm ${error.code === 4003 ? "bg-warning-50 text-warning-900" : "bg-danger-50 text-danger-800"}`}>
          {error.text}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className={`${buttonClass("primary", "md")} w-full`}
      >
        {busy ? "登录中…" : "登录"}
      </button>
    </form>
  );
}
