import "server-only";
import { eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { openApiCredentials, openApiSubscriptions } from "@/lib/db/schema";
import { enqueue, type OutboxMessage } from "@/lib/outbox/enqueue";
import { onBookingsChanged } from "@/lib/services/campus/calendar";
import { loadOpenDepts } from "./load-open-depts";
import { loadOpenMeetings } from "./load-open-meetings";
import { loadOpenRooms } from "./load-open-rooms";
import { loadOpenUsers } from "./load-open-users";

// The §3.3 events. Every service that changes users, departments, rooms or bookings calls emitOpenEvent in its own
// transaction, whichever path (pages, legacy API, admin console, Open API, maintenance) caused the change: the event
// exists if and only if the change commits, and the outbox delivers it later (lib/services/openapi/deliver-open-event.ts).

export type OpenEventType =
  | "book_success"
  | "book_update"
  | "book_cancel"
  | "room_add"
  | "room_update"
  | "room_remove"
  | "user_add"
  | "user_update"
  | "user_remove"
  | "dept_add"
  | "dept_update"
  | "dept_remove";

export interface OpenEventPayload {
  [key: string]: unknown;
  credentialId: number;
  event: { event_type: string; value?: unknown[] };
}

const KIND: Record<OpenEventType, "meeting" | "room" | "user" | "dept"> = {
  book_success: "meeting",
  book_update: "meeting",
  book_cancel: "meeting",
  room_add: "room",
  room_update: "room",
  room_remove: "room",
  user_add: "user",
  user_update: "user",
  user_remove: "user",
  dept_add: "dept",
  dept_update: "dept",
  dept_remove: "dept",
};

/**
 * Records event `type` about the objects `ids` for every active subscription: one outbox message per object and
 * subscriber, ordered per object (orderingKey), carrying the object as it is in this transaction.
 */
export async function emitOpenEvent(tx: Tx | Db, type: OpenEventType, ids: (number | string)[]) {
  const unique = [...new Set(ids.map(String))];
  if (unique.length === 0) return;
  // Every booking change passes here: the campus calendar (日程) follows bookings from the same place.
  if (KIND[type] === "meeting") await onBookingsChanged(tx, unique);
  const subs = await tx
    .select({ credentialId: openApiSubscriptions.credentialId })
    .from(openApiSubscriptions)
    .innerJoin(openApiCredentials, eq(openApiCredentials.id, openApiSubscriptions.credentialId))
    .where(isNull(openApiCredentials.revokedAt));
  if (subs.length === 0) return;

  const kind = KIND[type];
  let values: { id: string; value: unknown }[];
  if (type.endsWith("_remove") || type === "book_cancel") {
    values = unique.map((id) => ({ id, value: id }));
  } else {
    const numeric = unique.map(Number).filter((n) => Number.isInteger(n));
    const objects =
      kind === "meeting"
        ? await loadOpenMeetings(tx, numeric)
        : kind === "room"
          ? await loadOpenRooms(tx, numeric)
          : kind === "user"
            ? await loadOpenUsers(tx, numeric)
            : await loadOpenDepts(tx, unique);
    values = objects.map((o) => ({ id: o.id, value: o }));
  }

  const messages: OutboxMessage[] = [];
  for (const { credentialId } of subs) {
    for (const v of values) {
      const payload: OpenEventPayload = { credentialId, event: { event_type: type, value: [v.value] } };
      messages.push({ topic: "openapi.event", orderingKey: `openapi:${credentialId}:${kind}:${v.id}`, payload });
    }
  }
  await enqueue(tx, messages);
}

