// What the session token carries (edge-safe: types only). One browser may hold a WeCom user and an admin at once,
// as in the legacy app; signing in as one keeps the other.

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
