// The bench's baseline: a bare node:http server with postgres-js (or PGlite) that runs the same statements as the
// app for the measured endpoints and answers the same JSON, with none of the framework (no Next.js, no Auth.js
// session, no drizzle). The business arithmetic is the app's own (imported through tsx), so the difference between
// the two servers is the framework, the session and the query builder. (--conditions=react-server: those modules
// start with `import "server-only"`, which throws under plain node.)
//
//   node --conditions=react-server --import tsx scripts/bench/bare-server.mjs --port 3272 (--url postgres://… | --pglite DIR)
//
// The signed-in user is taken from the `x-bench-user` header (users.id) instead of a session cookie.
import http from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import postgres from "postgres";
import { freeWindows } from "../../lib/services/booking/free-windows.ts";
import { isWithinOpenHours } from "../../lib/services/booking/is-within-open-hours.ts";
import { roomOpenHours } from "../../lib/services/booking/room-open-hours.ts";
import { comparePlaces } from "../../lib/services/rooms/compare-places.ts";
import { atLocalMinute, formatDateTime, localParts, startOfLocalDay, startOfNextLocalDay } from "../../lib/time.ts";

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const port = Number(arg("--port") ?? 3272);
const SEARCH_LIMIT = Number(process.env.RATE_LIMIT_SEARCH_PER_MINUTE ?? 30);
const SUBMIT_LIMIT = Number(process.env.RATE_LIMIT_SUBMIT_PER_MINUTE ?? 10);

// One tiny adapter: q(text, params) → rows, tx(fn) → fn's result with q bound to the transaction.
let q;
let tx;
let driver;
if (arg("--url")) {
  const sql = postgres(arg("--url"), { max: 10, onnotice: () => {} });
  q = (text, params = []) => sql.unsafe(text, params, { prepare: true });
  tx = (fn) => sql.begin((t) => fn((text, params = []) => t.unsafe(text, params, { prepare: true })));
  driver = "postgres";
} else {
  const pg = await PGlite.create({ dataDir: arg("--pglite"), extensions: { btree_gist } });
  q = async (text, params = []) => (await pg.query(text, params)).rows;
  tx = (fn) => pg.transaction((t) => fn(async (text, params = []) => (await t.query(text, params)).rows));
  driver = "pglite";
}

const json = (res, body, status = 200) => {
  const s = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(s) });
  res.end(s);
};
const fail = (res, errcode, errmsg) => json(res, { errcode, errmsg });

async function readForm(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}

// The app's statements (lib/services/rate-limit/hit-rate-limit.ts).
async function hitRateLimit(key, limit) {
  const [row] = await q(
    `insert into rate_limits (key, window_started_at, hits, last_hit_at)
     values ($1, now(), 1, now())
     on conflict (key) do update set
       window_started_at = case when rate_limits.window_started_at <= now() - make_interval(secs => $2)
                                then now() else rate_limits.window_started_at end,
       hits = case when rate_limits.window_started_at <= now() - make_interval(secs => $2)
                   then 1 else rate_limits.hits + 1 end,
       last_hit_at = now()
     returning hits, window_started_at`,
    [key, 60],
  );
  return Number(row.hits) <= limit;
}

// lib/services/rooms/open-rooms-cache.ts
let roomsCache = { version: -1, rooms: null };
async function openRoomsAt(version) {
  if (roomsCache.version === version) return roomsCache.rooms;
  const rows = await q(`select id, place, size, available, open_minute, close_minute, building, floor, equipment,
                               removed_at is not null as removed
                        from rooms where available = true order by id`);
  const rooms = rows
    .map((r) => ({ id: r.id, place: r.place, size: r.size, available: r.available, openMinute: r.open_minute, closeMinute: r.close_minute, removed: r.removed }))
    .sort((a, b) => comparePlaces(a.place, b.place));
  roomsCache = { version, rooms };
  return rooms;
}

// lib/services/rooms/search-rooms.ts searchQuery()
function searchQuery(from, to, roomId, periods) {
  const params = [from.toISOString(), to.toISOString()];
  const range = `tstzrange($1::timestamptz, $2::timestamptz, '[)')`;
  let period = `tstzrange(a.starts_at, a.ends_at) && ${range}`;
  if (roomId !== 0) {
    params.push(roomId);
    period = `a.room_id = $3 and tstzrange(a.starts_at, a.ends_at, '[)') && ${range}`;
  }
  const order = "order by b.room_id, b.starts_at, b.ends_at";
  const answer = periods
    ? `(select coalesce(array_agg(b.room_id ${order}), '{}') from busy b) as room_ids,
       (select coalesce(array_agg(extract(epoch from b.starts_at) * 1000 ${order}), '{}')::float8[] from busy b) as starts,
       (select coalesce(array_agg(extract(epoch from b.ends_at) * 1000 ${order}), '{}')::float8[] from busy b) as ends`
    : `(select coalesce(array_agg(distinct b.room_id), '{}') from busy b) as room_ids`;
  return [
    `with busy as materialized (select a.room_id, a.starts_at, a.ends_at from appointments a where a.status = 3 and ${period})
     select (select version from cache_versions where name = 'rooms') as rooms_version, s.open_minute, s.close_minute, ${answer}
     from settings s where s.id = 1`,
    params,
  ];
}

const perHours = (fn) => {
  const memo = new Map();
  return (h) => {
    const key = h.openMinute * 2000 + h.closeMinute;
    if (!memo.has(key)) memo.set(key, fn(h));
    return memo.get(key);
  };
};

async function search(p) {
  const roomId = Number(p.roomId ?? 0);
  const date = Number(p.date);
  const time = Number(p.time ?? 0);
  const duration = Number(p.duration);
  const size = Number(p.size ?? 0);
  const now = Date.now();
  let from;
  let to;
  let slot = null;
  let day = null;
  let earliest = 0;
  if (time > 0) {
    const t = localParts(new Date(time));
    const start = atLocalMinute(new Date(date), t.hour * 60 + t.minute);
    if (start.getTime() <= now) return [];
    slot = start;
    from = start;
    to = new Date(start.getTime() + duration * 60_000);
  } else {
    day = startOfLocalDay(new Date(date));
    earliest = Math.ceil((now + 1) / 60_000) * 60_000;
    const dayStart = Math.max(day.getTime(), earliest);
    const dayEnd = startOfNextLocalDay(day).getTime();
    if (dayEnd - dayStart < duration * 60_000) return [];
    from = new Date(dayStart);
    to = new Date(dayEnd);
  }
  const [text, params] = searchQuery(from, to, roomId, !slot);
  const [row] = await q(text, params);
  const open = await openRoomsAt(Number(row.rooms_version));
  const campus = { openMinute: row.open_minute, closeMinute: row.close_minute };
  const candidates = open.filter((r) => !r.removed && r.size >= size && (roomId === 0 || r.id === roomId));
  if (slot) {
    const busy = new Set(row.room_ids.map(Number));
    const fits = perHours((h) => isWithinOpenHours(slot, duration, h));
    return candidates.filter((r) => !busy.has(r.id) && fits(roomOpenHours(r, campus)));
  }
  const busyByRoom = new Map();
  row.room_ids.forEach((id, i) => {
    const list = busyByRoom.get(Number(id)) ?? [];
    list.push({ start: Number(row.starts[i]), end: Number(row.ends[i]) });
    busyByRoom.set(Number(id), list);
  });
  const length = duration * 60_000;
  const window = perHours((h) => ({ from: Math.max(atLocalMinute(day, h.openMinute).getTime(), earliest), to: atLocalMinute(day, h.closeMinute).getTime() }));
  return candidates.filter((r) => {
    const w = window(roomOpenHours(r, campus));
    return w.to - w.from >= length && freeWindows(busyByRoom.get(r.id) ?? [], w.from, w.to, length).length > 0;
  });
}

// lib/services/rooms/get-room-periods.ts
async function periods(p) {
  const day = new Date(Number(p.date));
  const rows = await q(
    `select r.id, a.starts_at, a.ends_at from rooms r
     left join appointments a on a.room_id = r.id and a.status = 3 and a.starts_at >= $2 and a.starts_at < $3
     where r.id = $1 order by a.starts_at, a.id`,
    [Number(p.roomId), startOfLocalDay(day).toISOString(), startOfNextLocalDay(day).toISOString()],
  );
  if (rows.length === 0) return null;
  return rows
    .filter((r) => r.starts_at)
    .map((r) => ({ startTime: formatDateTime(new Date(r.starts_at)), duration: Math.round((new Date(r.ends_at) - new Date(r.starts_at)) / 60_000) }));
}

// lib/services/settings/get-settings.ts getSettingsCached()
let settingsCache = { at: 0, value: null };
async function campusHours() {
  if (settingsCache.value && Date.now() - settingsCache.at < 3000) return settingsCache.value;
  const [s] = await q(`select * from settings where id = 1`);
  settingsCache = { at: Date.now(), value: { openMinute: s.open_minute, closeMinute: s.close_minute } };
  return settingsCache.value;
}

// lib/services/booking/submit-appointment.ts + assert-bookable.ts (a room that needs review: pending)
async function submit(p, userId) {
  const start = new Date(Number(p.datetime));
  const duration = Number(p.duration);
  const size = Number(p.size);
  const end = new Date(start.getTime() + duration * 60_000);
  const hours = await campusHours();
  return tx(async (t) => {
    const [room] = await t(`select * from rooms where id = $1`, [Number(p.roomId)]);
    if (!room || room.removed_at || !room.available) return 4002;
    if (start.getTime() <= Date.now() || size > room.size) return 4002;
    if (room.permission === 1) {
      const allowed = await t(`select user_id from room_allowed_users where room_id = $1 and user_id = $2`, [room.id, userId]);
      if (allowed.length === 0) return 2008;
    }
    if (!isWithinOpenHours(start, duration, roomOpenHours({ openMinute: room.open_minute, closeMinute: room.close_minute }, hours))) return 3003;
    const taken = await t(
      `select id from appointments where (status = 3 and room_id = $1
         and tstzrange(starts_at, ends_at, '[)') && tstzrange($2::timestamptz, $3::timestamptz, '[)')) limit 1`,
      [room.id, start.toISOString(), end.toISOString()],
    );
    if (taken.length > 0) return 2003;
    await t(
      `insert into appointments (room_id, user_id, purpose, participants, phone, note, speaker, address, starts_at, ends_at, status, check_info)
       values ($1, $2, $3, $4, $5, $6, null, null, $7, $8, 2, '审核中，请耐心等待') returning id`,
      [room.id, userId, p.purpose, size, p.phone, p.note ?? null, start.toISOString(), end.toISOString()],
    );
    await t(`select s.credential_id from open_api_subscriptions s join open_api_credentials c on c.id = s.credential_id where c.revoked_at is null`);
    return 0;
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://x");
    const user = Number(req.headers["x-bench-user"] ?? 0);
    if (req.method === "GET" && url.pathname === "/meeting/api/health") {
      await q("select 1");
      return json(res, { ok: true, db: driver, version: "bare" });
    }
    if (req.method === "POST" && url.pathname === "/meeting/rooms") {
      const p = await readForm(req);
      if (!(await hitRateLimit(`search:user:${user}`, SEARCH_LIMIT))) return fail(res, 4003, "操作频繁");
      const rooms = await search(p);
      return json(res, { errcode: 0, errmsg: "ok", rooms: rooms.map((r) => ({ roomId: r.id, place: r.place, size: r.size, available: r.available ? 1 : 0 })) });
    }
    if (req.method === "GET" && url.pathname === "/meeting/room/periods") {
      const list = await periods(Object.fromEntries(url.searchParams));
      if (!list) return fail(res, 4002, "数据格式有误(roomId: 会议室不存在)");
      return json(res, { errcode: 0, errmsg: "ok", roomId: Number(url.searchParams.get("roomId")), periods: list });
    }
    if (req.method === "POST" && url.pathname === "/meeting/appointment") {
      const p = await readForm(req);
      if (!(await hitRateLimit(`submit:user:${user}`, SUBMIT_LIMIT))) return fail(res, 4003, "操作频繁");
      const code = await submit(p, user);
      return code === 0 ? json(res, { errcode: 0, errmsg: "ok" }) : fail(res, code, "refused");
    }
    json(res, { error: "not found" }, 404);
  } catch (e) {
    console.error(e);
    json(res, { errcode: 5000, errmsg: String(e) }, 500);
  }
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => console.log(`bare server (${driver}) on ${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
