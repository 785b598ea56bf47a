// WeCom's own error codes never leave lib/clients/wecom: callers see one of these kinds (integrations.md §1.11).

import "server-only";

export type WecomErrorKind =
  /** Network failure, timeout, non-JSON answer, or WeCom busy (-1). */
  | "unavailable"
  /** The OAuth / login code is invalid, used or expired (40029): restart the sign-in. */
  | "invalid-code"
  /** Token problems that survived the one retry (40014 / 42001 / 41001). */
  | "token"
  /** The member is unknown or outside the app's visible scope (60111, 60011, 50002). */
  | "not-found"
  /** Misconfiguration on our side (bad corp id, secret, agent id, redirect domain, IP whitelist…). */
  | "config"
  /** Every message recipient was invalid (81013). */
  | "no-recipient"
  | "other";

export class WecomError extends Error {
  constructor(
    readonly kind: WecomErrorKind,
    /** WeCom's errcode, for logs only. */
    readonly vendorCode?: number,
    message?: string,
  ) {
    super(message ?? `WeCom ${kind}${vendorCode === undefined ? "" : ` (errcode ${vendorCode})`}`);
    this.name = "WecomError";
  }
}

export const TOKEN_ERRORS = new Set([40014, 42001, 41001]);

export function kindOf(errcode: number): WecomErrorKind {
  if (errcode === -1 || errcode === 45009 || errcode === 45033) return "unavailable";
  if (errcode === 40029) return "invalid-code";
  if (TOKEN_ERRORS.has(errcode)) return "token";
  if (errcode === 60111 || errcode === 60011 || errcode === 50002) return "not-found";
  if ([40001, 40013, 40056, 40091, 48002, 50001, 60020, 301002].includes(errcode)) return "config";
  if (errcode === 81013) return "no-recipient";
  return "other";
}
