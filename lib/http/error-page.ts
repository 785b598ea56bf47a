import "server-only";
import { MESSAGES, type ErrorCode } from "@/lib/errors";

// The legacy controller-rendered error page (legacy-behaviour §2.4, "ERRPAGE"): the code's message under a title
// chosen by its first digit, and optionally a link. HTTP 200 like the legacy app. Self-contained HTML (no client JS)
// because it is answered by route handlers in the middle of sign-in redirects.

export interface ErrorPageOptions {
  message?: string;
  redirectUrl?: string;
  redirectMsg?: string;
}

const TITLES: Record<string, string> = { "1": "错误", "2": "警告", "3": "提示" };

/** Title and icon by the code's first digit; shared with the React error view of server-rendered pages. */
export const errorTitle = (code: number) => TITLES[String(code)[0]] ?? "错误";
export const errorIcon = (code: number) => (code < 2000 ? "⛔" : code < 3000 ? "⚠️" : "ℹ️");

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function errorPage(code: ErrorCode, opts: ErrorPageOptions = {}): Response {
  const message = opts.message ?? MESSAGES[code];
  const title = errorTitle(code);
  const link = opts.redirectUrl
    ? `<a class="btn" href="${escapeHtml(opts.redirectUrl)}">${escapeHtml(opts.redirectMsg ?? "返回")}</a>`
    : "";
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 会议室预约</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;color:#0f172a;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:22rem;margin:1rem;padding:2rem 1.5rem;background:#fff;border-radius:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08);text-align:center}
.icon{font-size:2.5rem;line-height:1}.code{color:#64748b;font-size:.8rem;margin-top:.25rem}
h1{font-size:1.25rem;margin:.75rem 0 .25rem}p{margin:.5rem 0 1.25rem;color:#334155}
.btn{display:inline-block;padding:.6rem 1.2rem;border-radius:.6rem;background:#2f7cf6;color:#fff;text-decoration:none}
</style></head>
<body><main data-errcode="${code}">
<div class="icon" aria-hidden="true">${errorIcon(code)}</div>
<h1>${escapeHtml(title)}</h1>
<p id="errmsg">${escapeHtml(message)}</p>
<div class="code">错误码 ${code}</div>
<p>${link}</p>
</main></body></html>`;
  return new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
