import "server-only";
import type { rooms } from "@/lib/db/schema";
import type { InvalidCell, ParsedSheet, SheetFacts } from "./parse-rooms-sheet";

type RoomRow = typeof rooms.$inferSelect;
interface State {
  size: number;
  available: 0 | 1;
}

export interface SheetChanges {
  added: { row: number; place: string; size: number; available: 0 | 1; facts?: SheetFacts }[];
  /** `facts` only when the sheet has the fact columns and they differ. */
  updated: { row: number; roomId: number; place: string; before: State; after: State; facts?: { before: SheetFacts; after: SheetFacts } }[];
  /** Open rooms missing from the sheet: they are closed, never deleted. */
  closed: { roomId: number; place: string }[];
  unchanged: number;
  invalid: InvalidCell[];
}

const state = (size: number, available: boolean): State => ({ size, available: available ? 1 : 0 });
const factsOf = (r: RoomRow): SheetFacts => ({ building: r.building, floor: r.floor, equipment: r.equipment, description: r.description });
const sameFacts = (a: SheetFacts, b: SheetFacts) =>
  a.building === b.building && a.floor === b.floor && a.description === b.description && sameSet(a.equipment, b.equipment);

/** What applying the sheet would do to the current rooms (matched by place). */
export function diffRooms(current: RoomRow[], sheet: ParsedSheet): SheetChanges {
  const byPlace = new Map(current.map((r) => [r.place, r]));
  const inSheet = new Set(sheet.rooms.map((r) => r.place));
  const out: SheetChanges = { added: [], updated: [], closed: [], unchanged: 0, invalid: sheet.invalid };
  for (const r of sheet.rooms) {
    const existing = byPlace.get(r.place);
    if (!existing) {
      out.added.push({ row: r.row, place: r.place, ...state(r.size, r.available), ...(r.facts ? { facts: r.facts } : {}) });
      continue;
    }
    const factsChanged = r.facts !== undefined && !sameFacts(factsOf(existing), r.facts);
    if (existing.size !== r.size || existing.available !== r.available || factsChanged) {
      out.updated.push({
        row: r.row,
        roomId: existing.id,
        place: r.place,
        before: state(existing.size, existing.available),
        after: state(r.size, r.available),
        ...(factsChanged ? { facts: { before: factsOf(existing), after: r.facts! } } : {}),
      });
    } else out.unchanged++;
  }
  for (const r of current) {
    if (inSheet.has(r.place)) continue;
    if (r.available) out.closed.push({ roomId: r.id, place: r.place });
    else out.unchanged++;
  }
  return out;
}

/** Equipment is a set: the order a sheet lists it in (or the console saved it in) is no change. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
