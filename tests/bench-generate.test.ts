// The bench's data generator (scripts/bench/generate.mjs) on a small campus: the mix the README promises, approved
// bookings that never overlap (the exclusion constraint is dropped while loading and must come back, validated),
// every index back, and every booking inside its room's open hours.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { useTestDb } from "@/lib/db/testing";
// @ts-expect-error plain ESM script without types
import { generate } from "../scripts/bench/generate.mjs";

describe("bench data generator", () => {
  useTestDb();

  it("builds the promised mix with every index and the exclusion constraint back in place", async () => {
    const db = await getDb();
    const exec = async (text: string) => rowsOf<Record<string, unknown>>(await db.execute(sql.raw(text)));
    const indexesBefore = (await exec(`select indexname from pg_indexes where tablename = 'appointments' order by 1`)).map((r) => r.indexname);

    const out = await generate(exec, { rooms: 40, bookings: 4000, sessionSettings: false });
    const total = Object.values(out.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(Math.abs(total - 4000)).toBeLessThan(400); // approved are drawn per block: about 60 %
    const share = (status: number) => ((out.counts as Record<string, number>)[status] ?? 0) / total;
    expect(share(3)).toBeGreaterThan(0.5);
    expect(share(3)).toBeLessThan(0.7);
    expect(share(2)).toBeGreaterThan(0.1);
    expect(share(2)).toBeLessThan(0.2);

    expect((await exec(`select indexname from pg_indexes where tablename = 'appointments' order by 1`)).map((r) => r.indexname)).toEqual(indexesBefore);
    const [constraint] = await exec(`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'appointments_no_overlap'`);
    expect(String(constraint.def)).toMatch(/EXCLUDE USING gist/);

    // Nothing overlaps among approved bookings, and every booking is inside its room's hours (campus 08:00–22:00).
    const [overlapping] = await exec(`select count(*)::int as n from appointments a join appointments b
      on a.room_id = b.room_id and a.id < b.id and a.status = 3 and b.status = 3
      and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')`);
    expect(overlapping.n).toBe(0);
    const [outside] = await exec(`select count(*)::int as n from appointments a join rooms r on r.id = a.room_id
      where (extract(hour from a.starts_at at time zone 'Asia/Shanghai') * 60 + extract(minute from a.starts_at at time zone 'Asia/Shanghai'))
              < coalesce(r.open_minute, 480)
         or (extract(hour from a.ends_at at time zone 'Asia/Shanghai') * 60 + extract(minute from a.ends_at at time zone 'Asia/Shanghai'))
              > coalesce(r.close_minute, 1320)`);
    expect(outside.n).toBe(0);
    // Pending ones lie ahead, expired ones behind.
    const [misplaced] = await exec(`select count(*)::int as n from appointments
      where (status = 2 and starts_at < now()) or (status = 0 and starts_at > now())`);
    expect(misplaced.n).toBe(0);
  });
});
