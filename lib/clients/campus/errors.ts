// Typed failures of the API center. `unavailable`: no answer, timeout, HTTP error or unreadable body (trying again
// later may help). `refused`: the platform answered `code 500` (or another non-zero code) with a message.
import "server-only";

export type CampusErrorKind = "unavailable" | "refused";

export class CampusError extends Error {
  constructor(
    readonly kind: CampusErrorKind,
    readonly path: string,
    message: string,
    readonly code?: number,
    /** The platform's own `msg`, when it gave one. */
    readonly platformMessage?: string | null,
  ) {
    super(message);
    this.name = "CampusError";
  }
}

// The two answers of `hasRole` that mean "no" rather than "failed" (seed 002 §3.2.3).
export const HAS_ROLE_NO = ["用户没有当前角色权限!", "当前角色不存在,请刷新重试"];
