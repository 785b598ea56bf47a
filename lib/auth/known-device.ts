// "Known device": a signed cookie a browser gets after an admin's successful password sign-in. It lets that admin
// past the global per-username ceiling of failed sign-ins (lib/services/auth/verify-admin-password.ts), so that
// strangers guessing the password from everywhere cannot lock the owner out of their own browser.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret, env } from "@/lib/env";
import { BASE_PATH } from "./auth.config";
import { cookieValue } from "./session-token";

export const KNOWN_DEVICE_COOKIE = "meeting.known-admin";
export const KNOWN_DEVICE_MAX_AGE_S = 180 * 24 * 60 * 60;

const sign = (payload: string) => createHmac("sha256", `${authSecret()}:known-device`).update(payload).digest("base64url");

/** The cookie value for an admin (id and expiry, signed). */
export function knownDeviceValue(adminId: number, now = Date.now()): string {
  const payload = `${adminId}.${Math.floor(now / 1000) + KNOWN_DEVICE_MAX_AGE_S}`;
  return `${payload}.${sign(payload)}`;
}

/** The admin id a request's known-device cookie vouches for, or null (absent, expired, forged). */
export function knownDeviceAdminId(cookieHeader: string | null | undefined, now = Date.now()): number | null {
  const v = cookieValue(cookieHeader, KNOWN_DEVICE_COOKIE);
  const m = v ? /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(v) : null;
  if (!m) return null;
  const expected = Buffer.from(sign(`${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(m[2]) * 1000 < now) return null;
  return Number(m[1]);
}

export const knownDeviceCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: BASE_PATH,
  secure: env().APP_URL.startsWith("https:"),
  maxAge: KNOWN_DEVICE_MAX_AGE_S,
});
