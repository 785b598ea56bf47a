// Bench data, generated inside the database with set-based SQL (generate_series), never row by row:
// rooms with Chinese places (the legacy collator order matters), users, and bookings over −180 … +60 days.
//
// Mix of the bookings (of --bookings N): ≈ 60 % approved, never overlapping (each sits inside its own 2-hour block of
// the room's day, so the exclusion constraint holds by construction), ≈ 15 % pending (future), ≈ 10 % expired (past),
// ≈ 8 % cancelled, ≈ 7 % rejected. Everything inside open hours (campus 08:00–22:00; 10 % of rooms 09:00–17:00,
// 10 % 07:00–23:00). 5 % of rooms are closed.
//
// To load a million rows in minutes, the appointments indexes and the exclusion constraint are dropped while loading
// and re-created afterwards from their own definitions (so the schema ends exactly as the migrations made it, and the
// constraint is re-validated over every row), and foreign-key triggers are skipped (ids are valid by construction).
import { createHash } from "node:crypto";

export const BENCH_APPKEY = "benchappkey000000000000000000001";
export const BENCH_APPSECRET = "bench-app-secret-0123456789abcdef01234567";
export const TZ = "Asia/Shanghai";

const BUILDINGS = [
  "逸夫楼", "博学楼", "明德楼", "图书馆", "理科楼", "文科楼", "工程楼", "实验楼", "综合楼", "行政楼",
  "学生中心", "A座", "B座", "C座", "科技楼", "艺术楼", "体育馆", "医学楼", "法学楼", "商学院",
];

/**
 * `exec(text)` runs one SQL statement (postgres-js `sql.unsafe` or PGlite `exec`) and returns rows.
 * Returns counts per status and timings.
 */
export async function generate(exec, { rooms, bookings, log = () => {}, sessionSettings = true }) {
  const t0 = Date.now();
  const users = Math.max(1000, Math.round(bookings / 200));
  const approved = Math.round(bookings * 0.6);
  const others = bookings - approved;
  const buildings = `array[${BUILDINGS.map((b) => `'${b}'`).join(",")}]`;
  // Session settings need one connection for the whole run (the bench uses a pool of one); a pooled caller opts out.
  const tryExec = async (text) => {
    if (!sessionSettings && /^set /.test(text)) return;
    try {
      await exec(text);
    } catch {
      /* not available on this server (e.g. PGlite): only slower */
    }
  };

  await tryExec(`set session_replication_role = replica`);
  await tryExec(`set synchronous_commit = off`);
  await tryExec(`set maintenance_work_mem = '256MB'`);
  await exec(`select setseed(0.4242)`);

  await exec(`insert into settings (id, open_minute, close_minute, auto_review) values (1, 480, 1320, false)
    on conflict (id) do update set open_minute = 480, close_minute = 1320, auto_review = false`);

  await exec(`insert into users (userid, name, role, phone)
    select 'bench' || g, '用户' || g, 2, '138' || lpad(g::text, 8, '0') from generate_series(1, ${users}) g`);

  await exec(`insert into rooms (place, size, available, open_minute, close_minute, building, floor, equipment)
    select b.name || (r / 10 + 1)::text || lpad((r % 10 + 1)::text, 2, '0'),
           4 + (g * 37) % 97,
           g % 20 <> 7,
           case g % 10 when 3 then 540 when 6 then 420 end,
           case g % 10 when 3 then 1020 when 6 then 1380 end,
           b.name, (r / 10 + 1)::text,
           case when g % 3 = 0 then array['投影仪','白板'] when g % 3 = 1 then array['视频会议'] else '{}'::text[] end
    from generate_series(1, ${rooms}) g
    cross join lateral (select (${buildings})[(g - 1) % ${BUILDINGS.length} + 1] as name, (g - 1) / ${BUILDINGS.length} as r) b`);
  log(`  rooms and ${users} users: ${Date.now() - t0} ms`);

  // Take the appointments indexes and the exclusion constraint out while loading.
  const indexes = await exec(`select indexname, indexdef from pg_indexes
    where tablename = 'appointments' and indexname <> 'appointments_pkey'
      and indexname not in (select conname from pg_constraint where conrelid = 'appointments'::regclass)`);
  const [constraint] = await exec(`select conname, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = 'appointments'::regclass and conname = 'appointments_no_overlap'`);
  if (constraint) await exec(`alter table appointments drop constraint appointments_no_overlap`);
  for (const i of indexes) await exec(`drop index "${i.indexname}"`);

  const t1 = Date.now();
  const localDay = `(date_trunc('day', now() at time zone '${TZ}'))`;
  const at = (day, minute) => `((${localDay} + (${day}) * interval '1 day' + (${minute}) * interval '1 minute') at time zone '${TZ}')`;
  // Approved: 2-hour blocks 08:00–22:00 that fit the room's hours, each taken with probability p, a booking of
  // 30–120 minutes starting on the block's hour or half hour and ending inside it.
  await exec(`with blocks as (
      select r.id as room_id, d, k
      from rooms r
      cross join generate_series(-180, 60) d
      cross join generate_series(0, 6) k
      where 480 + 120 * k >= coalesce(r.open_minute, 480) and 600 + 120 * k <= coalesce(r.close_minute, 1320)
    ), chosen as (
      select room_id, d, k, case when random() < 0.3 then 30 else 0 end as off,
             (array[30, 60, 60, 90, 90, 120])[1 + floor(random() * 6)::int] as dur,
             1 + floor(random() * ${users})::int as user_id
      from blocks where random() < ${approved} / (select count(*)::float8 from blocks)
    )
    insert into appointments (room_id, user_id, purpose, participants, phone, starts_at, ends_at, status, check_info,
                              submitted_at, reviewed_by, reviewed_at, updated_at)
    select room_id, user_id, '例会', 2, '13800138000',
           ${at("d", "480 + 120 * k + off")}, ${at("d", "480 + 120 * k + off + least(dur, 120 - off)")},
           3, '审核通过', ${at("d - 3", "600")}, 'admin', ${at("d - 2", "600")}, now()
    from chosen`);
  // The rest: pending in the future, expired in the past, cancelled and rejected anywhere; they may overlap.
  await exec(`with pick as (
      select g, random() as s,
             (select array_agg(id order by id) from rooms where available) as ids
      from generate_series(1, ${others}) g
    ), b as (
      select case when s < 0.375 then 2 when s < 0.625 then 0 when s < 0.825 then 1 else 4 end as status,
             ids[1 + floor(random() * array_length(ids, 1))::int] as room_id,
             1 + floor(random() * ${users})::int as user_id,
             (array[30, 60, 60, 90, 120])[1 + floor(random() * 5)::int] as dur,
             random() as rd, random() as rm
      from pick
    )
    insert into appointments (room_id, user_id, purpose, participants, phone, starts_at, ends_at, status, check_info,
                              submitted_at, updated_at)
    select room_id, user_id, '讨论', 2, '13800138000', start, start + dur * interval '1 minute', status,
           case status when 2 then '审核中，请耐心等待' when 0 then '已过期' when 1 then '已取消' else '被退回' end,
           start - interval '2 days', now()
    from (select b.*, ${at(`case status when 2 then 1 + floor(rd * 60)::int when 0 then -1 - floor(rd * 180)::int
                            else -180 + floor(rd * 241)::int end`,
                          // a start on the half hour such that the booking ends by the room's closing time
                          "o + 30 * floor(rm * (floor((c - o - dur) / 30) + 1))::int")} as start
          from (select b.*, coalesce(r.open_minute, 480) as o, coalesce(r.close_minute, 1320) as c
                from b join rooms r on r.id = b.room_id) b) x`);
  log(`  ${bookings} bookings inserted: ${Date.now() - t1} ms`);

  const t2 = Date.now();
  for (const i of indexes) await exec(i.indexdef);
  if (constraint) await exec(`alter table appointments add constraint appointments_no_overlap ${constraint.def}`);
  await exec(`select setval(pg_get_serial_sequence('appointments', 'id'), (select max(id) from appointments))`);
  log(`  indexes and the exclusion constraint rebuilt: ${Date.now() - t2} ms`);

  // An Open API app for the meeting/list workload (what the console's "生成凭证" stores: the appsecret's SHA-256).
  const hash = createHash("sha256").update(BENCH_APPSECRET).digest("hex");
  await exec(`insert into open_api_credentials (appkey, secret_hash, company_id, name)
    values ('${BENCH_APPKEY}', '${hash}', '1000', 'bench') on conflict do nothing`);
  await tryExec(`set session_replication_role = origin`);
  const t3 = Date.now();
  await exec(`vacuum analyze`);
  log(`  vacuum analyze: ${Date.now() - t3} ms`);
  const counts = await exec(`select status, count(*)::int as n from appointments group by status order by status`);
  return { users, counts: Object.fromEntries(counts.map((r) => [r.status, r.n])), ms: Date.now() - t0 };
}
