// Who a request acts as (edge-safe: no imports). The token shapes are what the session cookie carries; the session
// shapes are what lib/auth/session.ts answers after re-reading the database, and what services take as their actor.
// One browser may hold a WeCom user and an admin at once, as in the legacy app; signing in as one keeps the other.

import "server-only";

export interface TokenUser {
  /** users.id */
  id: number;
  userid: string;
}

export interface TokenAdmin {
  id: number;
  username: string;
  /** As of sign-in; the edge gate uses it for page redirects, the Node side re-reads it from the database. */
  privileged: boolean;
  /** admins.session_version at sign-in: a password change bumps it and voids older sessions. */
  sv: number;
}

export interface Identity {
  user?: TokenUser;
  admin?: TokenAdmin;
}

/** The signed-in WeCom user as the database knows them now (lib/auth/session.ts `getSessionUser`). */
export interface SessionUser {
  /** users.id (the legacy profile id). */
  id: number;
  /** WeCom userid. */
  userid: string;
  /** The display name as the database knows it now (the audit trail's actor name), when read with the session. */
  name?: string | null;
}

/** The signed-in admin as the database knows it now (lib/auth/session.ts `getSessionAdmin`). */
export interface SessionAdmin {
  id: number;
  username: string;
  /** Super admin. Re-read from the database on every call: a demotion takes effect at once. */
  privileged: boolean;
}
