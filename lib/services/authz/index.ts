import "server-only";
import type { SessionAdmin, SessionUser } from "@/lib/auth/identity";
import { AppError, E } from "@/lib/errors";

// THE rights checks of services. Every service that acts for an admin or a user takes that actor (non-null in its
// signature: the route or page has authenticated the caller) and states here what the action needs. The checks also
// hold at run time for a caller that slipped through without a session (plain JS, a page that forgot to check):
// 1005 without an admin, 1006 for a plain admin where a super admin is needed, 3001 without any signed-in caller.

/** Any signed-in admin. */
export function requireAdmin(actor: SessionAdmin | null | undefined): asserts actor is SessionAdmin {
  if (!actor) throw new AppError(E.ADMIN_SIGN_IN_NEEDED);
}

/** A super admin (rooms, admins, settings, campus integration, closures, calendar). */
export function requireSuper(actor: SessionAdmin | null | undefined): asserts actor is SessionAdmin {
  requireAdmin(actor);
  if (!actor.privileged) throw new AppError(E.NOT_SUPER_ADMIN);
}

/** A super admin, or the admin acting on its own account (an admin's own detail and edit). */
export function requireSuperOrSelf(actor: SessionAdmin | null | undefined, adminId: number): asserts actor is SessionAdmin {
  requireAdmin(actor);
  if (!actor.privileged && actor.id !== adminId) throw new AppError(E.NOT_SUPER_ADMIN);
}

/** Who reads a booking or a series: its booker, or any admin (the service then checks the booker's ownership). */
export interface Caller {
  user: SessionUser | null;
  admin: SessionAdmin | null;
}

/** A signed-in user or admin. */
export function requireCaller(caller: Caller) {
  if (!caller.user && !caller.admin) throw new AppError(E.USER_SIGN_IN_NEEDED);
}
