import { parseLocalDate } from "@/lib/time";
import { idParam } from "./common";

// Path segments of the server-rendered legacy pages. null = malformed (the page shows 4002).

export function pageId(raw: string): number | null {
  const r = idParam().safeParse(raw);
  return r.success ? r.data : null;
}

/** A day given as epoch milliseconds (legacy links) or `yyyy-MM-dd` (campus zone). */
export function pageDate(raw: string): Date | null {
  const s = decodeURIComponent(raw);
  if (/^\d{1,15}$/.test(s)) return new Date(Number(s));
  return parseLocalDate(s);
}
