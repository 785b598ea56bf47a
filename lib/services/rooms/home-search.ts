import "server-only";
import { countPendingOverlaps } from "@/lib/services/booking/pending-requests";
import { getRoomAvailability, type Availability, type AvailabilityQuery } from "./get-room-availability";
import { listRoomPhotos, type RoomPhoto } from "./photos/list-room-photos";

/** Rooms per page of the home results: a campus has up to thousands of free rooms; a phone shows a page at a time. */
export const HOME_PAGE_SIZE = 20;

export interface HomeSearch extends Availability {
  /** How many rooms matched in all (`rooms` holds the page asked for). */
  total: number;
  page: number;
  pages: number;
  /** Each found room's photos (first = cover). */
  photos: Map<number, RoomPhoto[]>;
  /** Pending requests overlapping the wanted slot, by room (empty without a wanted start). */
  pending: Map<number, number>;
}

/**
 * The home search: the availability of every matching room (every booking rule applied there), one page of them, with
 * their photos and the pending requests overlapping the wanted slot (a small query of its own, by room ids and slot).
 */
export async function homeSearch(q: AvailabilityQuery, page = 1): Promise<HomeSearch> {
  const all = await getRoomAvailability(q);
  const pages = Math.max(1, Math.ceil(all.rooms.length / HOME_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  // Photos and pending counts only for the rooms shown.
  const data = { ...all, rooms: all.rooms.slice((current - 1) * HOME_PAGE_SIZE, current * HOME_PAGE_SIZE) };
  const ids = data.rooms.map((r) => r.id);
  const photos = await listRoomPhotos(ids);
  const pending =
    data.start !== null ? await countPendingOverlaps(ids, new Date(data.start), new Date(data.start + q.duration * 60_000)) : new Map<number, number>();
  return { ...data, total: all.rooms.length, page: current, pages, photos, pending };
}
