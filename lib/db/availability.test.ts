import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legacyErrorResponse } from "@/lib/http/legacy";
import { openErrorResponse } from "@/lib/http/open";
import { AppError } from "@/lib/errors";
import { isDatabaseUnavailable, isRetryableRead } from "./availability";
import { createTestDb } from "./testing";
import type { DbHandle } from "./client";

describe("what counts as the database being unavailable", () => {
  it("knows a killed backend, a refused or timed-out connection, and the same wrapped by drizzle", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("server closed"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", errno: -111 }))).toBe(true);
    const inner = Object.assign(new Error("timeout"), { code: "CONNECT_TIMEOUT" });
    expect(isDatabaseUnavailable(Object.assign(new Error("Failed query: select 1"), { cause: inner }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]))).toBe(true);
  });

  it("does not mistake refusals of the data for an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("conflicting key"), { code: "23P01" }))).toBe(false);
    expect(isDatabaseUnavailable(new AppError(2003))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("sends again only statements that read without side effects", () => {
    expect(isRetryableRead(`select "id" from "rooms" where "id" = $1`)).toBe(true);
    expect(isRetryableRead(`  with a as (select 1) select * from a`)).toBe(true);
    expect(isRetryableRead(`insert into "audit_log" values ($1)`)).toBe(false);
    expect(isRetryableRead(`update "rooms" set "name" = $1`)).toBe(false);
    expect(isRetryableRead(`with moved as (delete from outbox returning *) select * from moved`)).toBe(false);
    expect(isRetryableRead(`select * from "appointments" where "id" = $1 for update`)).toBe(false);
    expect(isRetryableRead(`select nextval('appointments_id_seq')`)).toBe(false);
    expect(isRetryableRead(`select pg_try_advisory_lock($1)`)).toBe(false);
  });
});

describe("the HTTP answer to an outage", () => {
  const req = new Request("http://localhost/meeting/rooms", { method: "POST" });
  const outage = Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("terminating connection"), { code: "57P01" }) });

  it("is 503 with Retry-After and the legacy envelope, never 500", async () => {
    const res = legacyErrorResponse(outage, req);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ errcode: 5000, errmsg: "服务器繁忙，请稍后再试" });
  });

  it("is 503 with Retry-After and the Open API's system error", async () => {
    const res = openErrorResponse(outage, new Request("http://localhost/meeting/api/open/room/list", { method: "POST" }));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ success: false, code: 5000 });
  });

  it("leaves a real bug a 500 (it must be seen, not retried)", () => {
    expect(legacyErrorResponse(new TypeError("x is undefined"), req).status).toBe(500);
  });
});

// Killing the server's connections mid-statement, as `pg_terminate_backend` or a restart does.
describe.runIf(process.env.TEST_DB === "postgres")("connections killed mid-statement (Postgres)", () => {
  let handle: DbHandle;
  let admin: postgres.Sql;
  let dbName: string;

  beforeAll(async () => {
    handle = await createTestDb({ seed: false });
    const rows = (await handle.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    dbName = rows[0].name;
    admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    await handle.db.execute(sql`create table outage_probe (id int)`);
  });
  afterAll(async () => {
    await handle?.close();
    await admin?.end();
  });

  /** Kills every connection of the app's database once `pattern` is running on one of them. */
  async function killWhenRunning(pattern: string) {
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await admin<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = ${dbName} and query like ${"%" + pattern + "%"} and state = 'active'`;
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`;
  }

  it("a read is sent once more on a new connection and succeeds", async () => {
    const [rows] = await Promise.all([
      handle.db.execute(sql`select 42 as answer, pg_sleep(0.4) as slept, 'read-probe' as tag`),
      killWhenRunning("read-probe"),
    ]);
    expect((rows as unknown as { answer: number }[])[0].answer).toBe(42);
  });

  it("a write is not sent twice: it fails as an outage and nothing is stored", async () => {
    const [result] = await Promise.allSettled([
      handle.db.execute(sql`insert into outage_probe select 1 from pg_sleep(0.4) where 'write-probe' <> ''`),
      killWhenRunning("write-probe"),
    ]);
    expect(result.status).toBe("rejected");
    expect(isDatabaseUnavailable((result as PromiseRejectedResult).reason)).toBe(true);
    const rows = (await handle.db.execute(sql`select count(*)::int as n from outage_probe`)) as unknown as { n: number }[];
    expect(rows[0].n).toBe(0);
  });

  it("a transaction that loses its connection is reported as an outage and the pool recovers", async () => {
    const [result] = await Promise.allSettled([
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into outage_probe values (2)`);
        await tx.execute(sql`select pg_sleep(0.4), 'tx-probe'`);
      }),
      killWhenRunning("tx-probe"),
    ]);
    expect(result.status).toBe("rejected");
    expect(isDatabaseUnavailable((result as PromiseRejectedResult).reason)).toBe(true);
    const rows = (await handle.db.execute(sql`select count(*)::int as n from outage_probe`)) as unknown as { n: number }[];
    expect(rows[0].n).toBe(0);
  });
});
