import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/db/testing";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { hitRateLimit } from "./hit-rate-limit";
import { pruneRateLimits } from "./prune-rate-limits";
import { readRateLimit } from "./testing/read-rate-limit";

describe("rate limits in the database", () => {
  useTestDb();

  it("allows up to the limit within a window, then refuses, per key", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit("k1", 3, 60_000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect((await hitRateLimit("k2", 3, 60_000)).allowed).toBe(true);
    expect(await readRateLimit("k1", 60_000)).toBe(4);
    expect(await readRateLimit("nobody", 60_000)).toBe(0);
  });

  it("starts a new window once the old one has passed", async () => {
    await hitRateLimit("k3", 1, 200);
    expect((await hitRateLimit("k3", 1, 200)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await readRateLimit("k3", 200)).toBe(0);
    expect((await hitRateLimit("k3", 1, 200)).allowed).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit("k4", 5, 60_000)));
    expect(all.filter((r) => r.allowed)).toHaveLength(5);
    expect(all.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("an over-long key (caller-supplied text) is stored as a digest, never a failed insert", async () => {
    const long = `admin-login:user:${"x".repeat(500)}`;
    expect((await hitRateLimit(long, 2, 60_000)).allowed).toBe(true);
    expect((await hitRateLimit(long, 2, 60_000)).hits).toBe(2);
    expect(await readRateLimit(long, 60_000)).toBe(2);
  });

  it("the maintenance run prunes counters nobody hit for a day", async () => {
    await hitRateLimit("old", 5, 60_000);
    await hitRateLimit("fresh", 5, 60_000);
    const db = await getDb();
    await db.execute(sql`update rate_limits set last_hit_at = now() - interval '25 hours' where key = 'old'`);
    expect(await pruneRateLimits()).toEqual({ deleted: 1 });
    const keys = await db.execute<{ key: string }>(sql`select key from rate_limits where key in ('old', 'fresh')`);
    expect(JSON.stringify(keys)).toContain("fresh");
    expect(JSON.stringify(keys)).not.toContain('"old"');
  });
});
