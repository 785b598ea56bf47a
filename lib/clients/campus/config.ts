import "server-only";
import { env } from "@/lib/env";

// Whether the campus platform integration is on, and its settings as lists. The only reader of the CAMPUS_* variables
// besides the HTTP client: with CAMPUS_API_BASE unset every caller behaves exactly as before the integration existed.

const list = (v: string) =>
  v
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function campusEnabled(): boolean {
  return Boolean(env().CAMPUS_API_BASE);
}

export interface CampusConfig {
  base: string;
  noticeChannels: string[];
  adminRoleKeys: string[];
  superRoleKeys: string[];
  usernameFrom: "userid" | "mobile" | "email" | "email_local";
  roleCacheMs: number;
  timeoutMs: number;
}

export function campusConfig(): CampusConfig {
  const e = env();
  return {
    base: e.CAMPUS_API_BASE ?? "",
    noticeChannels: list(e.CAMPUS_NOTICE_CHANNELS),
    adminRoleKeys: list(e.CAMPUS_ADMIN_ROLE_KEYS),
    superRoleKeys: list(e.CAMPUS_SUPER_ROLE_KEYS),
    usernameFrom: e.CAMPUS_USERNAME_FROM,
    roleCacheMs: e.CAMPUS_ROLE_CACHE_SECONDS * 1000,
    timeoutMs: e.CAMPUS_TIMEOUT_MS,
  };
}
