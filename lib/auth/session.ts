// Who is calling, re-checked on the Node runtime for every request. Route handlers and server components call these;
// the shapes are the contract the rest of the app relies on.
import { readSessionAdmin } from "@/lib/services/auth/read-session-admin";
import { auth } from "./auth";

export interface SessionUser {
  /** users.id (the legacy profile id). */
  id: number;
  /** WeCom userid. */
  userid: string;
}

export interface SessionAdmin {
  id: number;
  username: string;
  /** Super admin. Re-read from the database on every call: a demotion takes effect at once. */
  privileged: boolean;
}

/** The signed-in WeCom user, or null (no cookie, or an expired, tampered or forged one). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const s = await auth();
  return s?.wecom ? { id: s.wecom.id, userid: s.wecom.userid } : null;
}

/** The signed-in admin as the database knows it now, or null (no session, deleted admin, stale password version). */
export async function getSessionAdmin(): Promise<SessionAdmin | null> {
  const s = await auth();
  if (!s?.admin) return null;
  return readSessionAdmin(s.admin.id, s.admin.sv);
}
