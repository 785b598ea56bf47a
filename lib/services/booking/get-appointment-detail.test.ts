import { describe, expect, it } from "vitest";
import { STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { at, makeBooking, makeRoom, makeUser } from "@/lib/services/testing/fixtures";
import { getAppointmentDetail } from "./get-appointment-detail";

useTestDb();
const errOf = (p: Promise<unknown>) => p.then(() => null, (e) => e.code);
const admin = { id: 1, username: "admin", privileged: false };

describe("getAppointmentDetail", () => {
  it("the booker and admins read it; others and anonymous callers cannot tell it exists", async () => {
    const room = await makeRoom();
    const owner = await makeUser();
    const other = await makeUser();
    const b = await makeBooking({ roomId: room.id, userId: owner.id, start: at(1, 9), minutes: 60 });
    const me = { id: owner.id, userid: owner.userid };
    expect(await getAppointmentDetail({ user: me, admin: null }, b.id)).toMatchObject({ id: b.id, place: room.place, userid: owner.userid, cancellable: true });
    expect(await getAppointmentDetail({ user: null, admin }, b.id)).toMatchObject({ id: b.id, cancellable: false });
    expect(await errOf(getAppointmentDetail({ user: { id: other.id, userid: other.userid }, admin: null }, b.id))).toBe(2007);
    expect(await errOf(getAppointmentDetail({ user: me, admin: null }, 999999))).toBe(2007);
    expect(await errOf(getAppointmentDetail({ user: null, admin: null }, b.id))).toBe(3001);
  });

  it("offers cancelling only pending or approved bookings that have not started", async () => {
    const room = await makeRoom();
    const owner = await makeUser();
    const me = { user: { id: owner.id, userid: owner.userid }, admin: null };
    const cases: [number, Date, boolean][] = [
      [STATUS.PENDING, at(1, 9), true],
      [STATUS.APPROVED, at(1, 11), true],
      [STATUS.REJECTED, at(1, 13), false],
      [STATUS.CANCELLED, at(1, 15), false],
      [STATUS.PENDING, at(-1, 9), false],
    ];
    for (const [status, start, cancellable] of cases) {
      const b = await makeBooking({ roomId: room.id, userId: owner.id, start, minutes: 30, status });
      expect((await getAppointmentDetail(me, b.id)).cancellable, `status ${status}`).toBe(cancellable);
    }
  });
});
