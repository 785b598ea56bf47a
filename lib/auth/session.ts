// Who is calling, re-checked on the Node runtime against the database for every request.
// [2] Identity replaces these placeholders with the real Auth.js-backed lookups; the shapes are the contract.

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

/** The signed-in WeCom user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  return null;
}

/** The signed-in admin as the database knows it now, or null (no session, deleted admin, stale password version). */
export async function getSessionAdmin(): Promise<SessionAdmin | null> {
  return null;
}
