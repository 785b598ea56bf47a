import { MESSAGES } from "@/lib/errors";

// The legacy controllers' HTML error page (legacy-behaviour §2.4, "ERRPAGE"): HTTP 200, a title chosen by the first
// digit of the code, the message, and optionally a link. Everything shown is escaped.

export interface ErrorPageLink {
  /** Path under the site (with the /meeting prefix) or absolute URL. */
  url: string;
  text: string;
}

const TITLES: Record<string, string> = { "1": "错误", "2": "警告", "3": "提示" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function errorPage(code: number, message?: string, link?: ErrorPageLink, status = 200): Response {
  const text = message ?? MESSAGES[code as keyof typeof MESSAGES] ?? "";
  const title = TITLES[String(code)[0]] ?? "错误";
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center;background:#f7f7f7;color:#333}
main{text-align:center;padding:2rem;max-width:32rem}h1{font-size:1.4rem}p{word-break:break-word}a{display:inline-block;margin-top:1rem;padding:.5rem 1.5rem;border-radius:.3rem;background:#07c160;color:#fff;text-decoration:none}</style>
</head><body><main data-errcode="${code}">
<h1>${escapeHtml(title)}</h1>
<p class="errmsg">${escapeHtml(text)}</p>
${link ? `<a href="${escapeHtml(link.url)}">${escapeHtml(link.text)}</a>` : ""}
</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
