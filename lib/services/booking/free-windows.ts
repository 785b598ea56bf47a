import "server-only";

export interface Period {
  start: number;
  end: number;
}

/**
 * Every maximal free stretch of at least `minLength` inside [from, to), given busy half-open periods (in any order,
 * possibly overlapping or reaching outside the range). Times are epoch milliseconds.
 */
export function freeWindows(busy: Period[], from: number, to: number, minLength: number): Period[] {
  const sorted = busy.filter((b) => b.end > from && b.start < to).sort((a, b) => a.start - b.start);
  const out: Period[] = [];
  let cursor = from;
  for (const b of sorted) {
    if (b.start - cursor >= minLength) out.push({ start: cursor, end: b.start });
    cursor = Math.max(cursor, b.end);
  }
  if (to - cursor >= minLength) out.push({ start: cursor, end: to });
  return out;
}
