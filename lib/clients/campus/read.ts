// Tolerant readers for the API center's loosely typed fields (integrations §4.3): numbers that arrive as strings,
// snake_case beside camelCase, "男"/"女" for sex, zone-less times in Asia/Shanghai.

import "server-only";

export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A field by its camelCase name, falling back to the snake_case spelling (operlog lists document both). */
export function field(o: Obj, camel: string): unknown {
  return o[camel] ?? o[snake(camel)];
}

export function str(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

export function int(v: unknown): number | null {
  const n = typeof v === "string" ? Number(v.trim()) : v;
  return typeof n === "number" && Number.isFinite(n) ? Math.trunc(n) : null;
}

/** 0 unset, 1 male, 2 female — the app's one enum (WeCom "1"/"2", seed 000 0/1/2, seed 002 "男"/"女"). */
export function sexOf(v: unknown): 0 | 1 | 2 {
  const s = str(v).trim();
  if (s === "男" || s === "1" || s.toLowerCase() === "male") return 1;
  if (s === "女" || s === "2" || s.toLowerCase() === "female") return 2;
  return 0;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `yyyy-MM-dd` of an instant in Asia/Shanghai (the platform's zone). */
export function platformDate(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3_600_000);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`;
}

/** `HH:mm` of an instant in Asia/Shanghai. */
export function platformTime(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3_600_000);
  return `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

/** `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai. */
export function platformDateTime(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3_600_000);
  return `${platformDate(d)} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}`;
}

/** Reads `yyyy-MM-dd HH:mm:ss` (zone-less: Asia/Shanghai) or an ISO-8601 string with an offset. */
export function parsePlatformTime(v: unknown): Date | null {
  const s = str(v).trim();
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const [, y, mo, d, h = "0", mi = "0", se = "0"] = m;
    return new Date(Date.UTC(+y, +mo - 1, +d, +h - 8, +mi, +se));
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}
