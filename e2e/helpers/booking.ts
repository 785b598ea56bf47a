// Helpers of the booking e2e specs: sessions of several people at once, campus-zone times, and a fingerprint of
// the booking data to prove that a refused request wrote nothing.
import { expect, request as pwRequest, test, type APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { signInAsAdmin, signInAsUser } from "./auth";
import { ADMIN_PASSWORD, onPostgres } from "./env";

export const runTag = () => String(process.env.E2E_RUN_ID ?? Date.now()).slice(-6);

const baseURL = () => String(test.info().project.use.baseURL);

export type Who = "anonymous" | "user" | "other user" | "admin" | "super admin";

/** A request context with its own cookie jar, signed in as given. */
export async function client(as?: { user: string } | { admin: string; password: string }): Promise<APIRequestContext> {
  const ctx = await pwRequest.newContext({ baseURL: baseURL() });
  if (as && "user" in as) await signInAsUser(ctx, as.user);
  if (as && "admin" in as) await signInAsAdmin(ctx, as.admin, as.password);
  return ctx;
}

export const superAdmin = () => client({ admin: "admin", password: ADMIN_PASSWORD() });

/** A normal (not super) admin, created once per run through the legacy admin API. */
export async function normalAdmin(superCtx: APIRequestContext): Promise<APIRequestContext> {
  const username = `bkadm${runTag()}`;
  const password = "bk-admin-password-1";
  const res = await superCtx.post("/meeting/admin/add", { form: { username, password, privileged: "0" } });
  const body = await res.json();
  expect([0, 1007], JSON.stringify(body)).toContain(body.errcode);
  return client({ admin: username, password });
}

/** Everyone of an authorization table, signed in once. `user` and `other user` are fresh WeCom members. */
export async function cast(prefix: string) {
  const superCtx = await superAdmin();
  const people: Record<Who, APIRequestContext> = {
    anonymous: await client(),
    user: await client({ user: `${prefix}u${runTag()}` }),
    "other user": await client({ user: `${prefix}o${runTag()}` }),
    admin: await normalAdmin(superCtx),
    "super admin": superCtx,
  };
  return { people, userid: `${prefix}u${runTag()}`, otherUserid: `${prefix}o${runTag()}`, dispose: () => Promise.all(Object.values(people).map((c) => c.dispose())) };
}

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** Epoch ms of local (Asia/Shanghai) midnight `offset` days from today. */
export function shanghaiMidnight(offset: number): number {
  const localNow = Date.now() + SHANGHAI;
  return Math.floor(localNow / DAY) * DAY - SHANGHAI + offset * DAY;
}

/** Epoch ms of hh:mm (Asia/Shanghai) on the day `offset` days from today. */
export const at = (offset: number, hh: number, mm = 0) => shanghaiMidnight(offset) + (hh * 60 + mm) * 60_000;

/** `yyyy-MM-dd HH:mm` in Asia/Shanghai, as the legacy JSON writes dates. */
export function legacyDate(ms: number): string {
  return new Date(ms + SHANGHAI).toISOString().slice(0, 16).replace("T", " ");
}

/** A far-future day per spec and run, so that runs against one database (Postgres) do not meet each other. */
export function dayFor(spec: number): number {
  return 40 + ((Number(runTag()) * 7 + spec * 37) % 900);
}

export const LEGACY_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<any> {
  expect(res.status(), `HTTP status of ${res.url()}`).toBe(200);
  return res.json();
}

/** The open rooms by place (the demo data's 逸夫楼101 … 501). */
export async function roomsByPlace(ctx: APIRequestContext): Promise<Record<string, { roomId: number; size: number }>> {
  const body = await json(await ctx.get("/meeting/rooms"));
  return Object.fromEntries(body.rooms.map((r: { place: string; roomId: number; size: number }) => [r.place, r]));
}

/**
 * What the booking data looks like now. On Postgres a digest of the tables themselves; on the embedded database
 * (which only the server can open) the same facts through the admin API: every count and every pending booking.
 */
export async function fingerprint(superCtx: APIRequestContext): Promise<string> {
  const url = process.env.E2E_DATABASE_URL;
  if (onPostgres() && url) {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql`
        select
          (select md5(coalesce(string_agg(concat_ws('|', id, room_id, user_id, status, check_info, starts_at, ends_at, participants, phone, purpose, note), ',' order by id), '')) from appointments) as a,
          (select md5(concat_ws('|', open_minute, close_minute, auto_review, auto_review_interval, auto_clean, auto_clean_interval)) from settings) as s,
          -- The campus platform's operation-log mirror follows every audit row, sign-ins included (people in these
          -- specs sign in lazily); what a refused request must not write is a booking's messages or events.
          (select count(*) from outbox where not (topic = 'campus.call' and payload->>'op' = 'operlog')) as o`;
      return `${row.a}/${row.s}/${row.o}`;
    } finally {
      await sql.end();
    }
  }
  const server = await json(await superCtx.get("/meeting/server"));
  const props = await json(await superCtx.get("/meeting/server/properties"));
  const queue = await json(await superCtx.get("/meeting/check/all?page=1&size=1000"));
  return JSON.stringify({ total: server.totalAppointment, props, queue: queue.data });
}

/** Sets the settings through the API (super admin); returns the previous ones for restoring. */
export async function setProperties(superCtx: APIRequestContext, patch: Record<string, string | number | boolean>) {
  const before = await json(await superCtx.get("/meeting/server/properties"));
  const { errcode: _e, errmsg: _m, ...current } = before;
  const res = await json(await superCtx.post("/meeting/server/properties", { form: { ...current, ...patch } }));
  expect(res, "settings change").toEqual({ errcode: 0, errmsg: "修改成功" });
  return current as Record<string, string | number | boolean>;
}

/** Submits a valid booking (overrides replace fields) and returns the new booking's id from the booker's history. */
export async function book(ctx: APIRequestContext, fields: Record<string, string | number>): Promise<number> {
  const res = await json(await ctx.post("/meeting/appointment", { form: { duration: 60, size: 2, phone: "13912345678", purpose: "e2e", note: "", ...fields } }));
  expect(res, `booking ${JSON.stringify(fields)}`).toEqual({ errcode: 0, errmsg: "ok" });
  // Pending for review, or approved at once by auto-review (the instant decision): the newest of either list.
  const ids: number[] = [];
  for (const status of [2, 3]) {
    const history = await json(await ctx.get(`/meeting/history/${status}`));
    ids.push(...(history.history as { appointId: number }[]).map((h) => h.appointId));
  }
  return Math.max(...ids);
}

/** The WeCom messages recorded for these bookings, oldest first; null when the database is not reachable from here. */
export async function outboxMessages(appointIds: number[]): Promise<{ touser: string; content: string }[] | null> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) return null;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const keys = appointIds.map((id) => `appointment:${id}`);
    const rows = await sql<{ payload: { touser: string; content: string } }[]>`
      select payload from outbox where topic = 'wecom.message' and ordering_key = any(${keys}) order by id`;
    return rows.map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload));
  } finally {
    await sql.end();
  }
}
