/**
 * Where the language switch returns to: the referring page when it is one of ours (same origin as the public URL,
 * under /meeting), else the home page. Never an outside address (no open redirect).
 */
export function backPath(referer: string | null, appUrl: string): string {
  if (!referer) return "/meeting";
  try {
    const r = new URL(referer);
    if (r.origin !== new URL(appUrl).origin || !(r.pathname === "/meeting" || r.pathname.startsWith("/meeting/"))) return "/meeting";
    return r.pathname + r.search;
  } catch {
    return "/meeting";
  }
}
