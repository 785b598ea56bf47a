// Unknown and malformed paths (issue 11 §1.3–1.4). Edge-safe (used by the middleware): no Node APIs, no database.
// JSON clients get JSON in their endpoint's envelope, browsers get the 404 page (app/not-found.tsx).

import "server-only";

/** Paths answered by JSON route handlers (legacy API and /api), without the /meeting base path. */
const JSON_PATHS = [
  /^\/api(\/|$)/,
  /^\/appointment\/cancel(\/|$)/,
  /^\/appointment\/?$/,
  /^\/history\/(?!detail(\/|$))/,
  /^\/avatar(\/|$)/,
  /^\/room\/periods(\/|$)/,
  /^\/rooms(\/|$)/,
  /^\/profile(\/|$)/,
  /^\/check(\/|$)/,
  /^\/server(\/|$)/,
  /^\/admin\/(all|add|batch|delete|password|edit\/?$|qrcode\/login)/,
  /^\/(login|jssdk|ticket)(\/|$)/,
];

export const isApiPath = (pathname: string) => JSON_PATHS.some((r) => r.test(pathname));
export const isOpenApiPath = (pathname: string) => /^\/api\/open(\/|$)/.test(pathname);

/** A JSON answer is wanted: an API path, or an `Accept` header without text/html (none at all counts as JSON). */
export function wantsJson(pathname: string, accept: string | null): boolean {
  return isApiPath(pathname) || !(accept ?? "").toLowerCase().includes("text/html");
}

/** Some segment of the raw (still encoded) path has broken percent-encoding (`%E4%B8`, `%ZZ`). */
export function hasBrokenEncoding(rawPathname: string): boolean {
  if (!rawPathname.includes("%")) return false;
  for (const segment of rawPathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

/** 404 for an unknown path in the caller's envelope: the Open API's under /api/open, the legacy one elsewhere. */
export function unknownPathResponse(envelope: "legacy" | "open"): Response {
  if (envelope === "open") {
    return json({ success: false, code: 71001, message: "Unknown endpoint", fieldErrors: {} }, 404);
  }
  return json({ errcode: 404, errmsg: "请求的路径不存在" }, 404);
}

/** A path segment that cannot be decoded: 4002 in the endpoint's envelope (HTTP 200, like every envelope error). */
export function malformedPathResponse(pathname: string): Response {
  if (isOpenApiPath(pathname)) {
    return json({ success: false, code: 71001, message: "Invalid arguments: path: broken percent-encoding", fieldErrors: { path: "broken percent-encoding" } }, 200);
  }
  return json({ errcode: 4002, errmsg: "数据格式有误(path: 路径含有无法解码的字符)" }, 200);
}
