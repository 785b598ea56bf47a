import { parseLocalDate } from "@/lib/time";
import { idParam } from "./common";

// Path segments of the server-rendered legacy pages. null = malformed (the page shows 4002). A segment may arrive
// still percent-encoded, or with broken encoding (`%E4%B8`, `%ZZ`): that is malformed too, never an exception.

/** decodeURIComponent that answers null instead of throwing on broken percent-encoding. */
export function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export function pageId(raw: string): number | null {
  const s = safeDecode(raw);
  if (s === null) return null;
  const r = idParam().safeParse(s);
  return r.success ? r.data : null;
}

/** Legacy links carry the day as epoch milliseconds (13 digits since 2001); anything shorter is no date. */
const EPOCH_MS = /^\d{12,15}$/;

/** A day given as epoch milliseconds (legacy links) or `yyyy-MM-dd` (campus zone). */
export function pageDate(raw: string): Date | null {
  const s = safeDecode(raw);
  if (s === null) return null;
  if (EPOCH_MS.test(s)) return new Date(Number(s));
  return parseLocalDate(s);
}

/** True when `raw` is the legacy epoch-ms form of a day (the page redirects it to yyyy-MM-dd). */
export const isEpochDay = (raw: string) => EPOCH_MS.test(raw);
