// Which requests the edge middleware gates, and how. Paths are without the /meeting base path. Pure and edge-safe.
// Only page navigations (GET/HEAD) are gated: a JSON endpoint is never redirected, the route answers 3001 / 1005 /
// 1006 in the legacy envelope itself after re-checking on the Node runtime.

import "server-only";

export type Gate =
  /** No check at the edge. */
  | "none"
  /** A user page: without a WeCom identity, start sign-in. */
  | "user"
  /** An admin page: without an admin identity, the admin login page. */
  | "admin"
  /** A super-admin page: an admin whose token says privileged. */
  | "super"
  /** A page that a WeCom user or an admin may open (the booking detail: its booker or any admin). */
  | "userOrAdmin"
  /** Legacy /index, /index.html: home page when signed in, else start sign-in. */
  | "index";

/** Legacy JSON endpoints under /admin (legacy-behaviour §3.5): the route answers 1005/1006 itself. */
const ADMIN_JSON = new Set(["/admin/all", "/admin/add", "/admin/batch/add", "/admin/delete", "/admin/password", "/admin/edit"]);
/** Admin sign-in pages and redirects: open to everyone. */
const ADMIN_PUBLIC = [/^\/admin\/login\/?$/, /^\/admin\/qrcode(\/.*)?$/];
const SUPER_PAGES = [/^\/admin\/(admins|settings|rooms|closures|calendar|campus)(\/.*)?$/, /^\/manage(\/.*)?$/];
const USER_PAGES = [
  /^\/$/, // home: find a room
  /^\/room\/\d+\/[^/]+\/?$/, // room page (legacy HTML path); /room/periods is JSON
  /^\/appointment\/\d+\/?$/, // booking form (legacy HTML path); /appointment/cancel/* is not a page
  /^\/my(\/.*)?$/,
  /^\/checkin\/[^/]+\/?$/, // check-in page opened from a room's QR code
];

/** Booking detail (legacy HTML path); /history/{status} is JSON. */
const DETAIL_PAGE = /^\/history\/detail\/\d+\/?$/;

export function gateFor(method: string, pathname: string): Gate {
  if (method !== "GET" && method !== "HEAD") return pathname === "/index" || pathname === "/index.html" ? "index" : "none";
  if (pathname === "/index" || pathname === "/index.html") return "index";
  if (pathname === "/admin" || pathname.startsWith("/admin/")) {
    const p = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
    if (ADMIN_JSON.has(p) || ADMIN_PUBLIC.some((r) => r.test(p))) return "none";
    return SUPER_PAGES.some((r) => r.test(p)) ? "super" : "admin";
  }
  if (SUPER_PAGES.some((r) => r.test(pathname))) return "super";
  if (DETAIL_PAGE.test(pathname)) return "userOrAdmin";
  if (USER_PAGES.some((r) => r.test(pathname))) return "user";
  return "none";
}
