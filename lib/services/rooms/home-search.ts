import "server-only";
import { countPendingOverlaps } from "@/lib/services/booking/pending-requests";
import { getRoomAvailability, type Availability, type AvailabilityQuery } from "./get-room-availability";
import { listRoomPhotos, type RoomPhoto } from "./photos/list-room-photos";

export interface HomeSearch extends Availability {
  /** Each found room's photos (first = cover). */
  photos: Map<number, RoomPhoto[]>;
  /** Pending requests overlapping the wanted slot, by room (empty without a wanted start). */
  pending: Map<number, number>;
}

/**
 * The home search: the availability of every matching room (every booking rule applied there), their photos, and the
 * pending requests overlapping the wanted slot (a small query of its own, by room ids and slot, apart from the search).
 */
export async function homeSearch(q: AvailabilityQuery): Promise<HomeSearch> {
  const data = await getRoomAvailability(q);
  const ids = data.rooms.map((r) => r.id);
  const photos = await listRoomPhotos(ids);
  const pending =
    data.start !== null ? await countPendingOverlaps(ids, new Date(data.start), new Date(data.start + q.duration * 60_000)) : new Map<number, number>();
  return { ...data, photos, pending };
}
