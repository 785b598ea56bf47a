// `npm run bench` — generates a campus on a throwaway database, serves it with `next start`, signs users in through
// the real WeCom OAuth flow (against the fake WeCom of the test suites) and the admin password form, runs each
// workload with N keep-alive connections for a fixed time after a warm-up, then runs the same statements through a
// bare node:http + postgres-js server on the same data. Prints one table and writes bench/results/<stamp>.json.
//
//   npm run bench                                   200 rooms × 100,000 bookings on Postgres (BENCH_DATABASE_URL)
//   npm run bench -- --large                        2,000 rooms × 1,000,000 bookings
//   npm run bench -- --db pglite                    200 × 100,000 on the embedded database
//   npm run bench -- --rooms 500 --bookings 200000 --duration 10 --warmup 2 --connections 10 --only search-slot,health
//   npm run bench -- --keep                         keep the database (prints its name / directory)
//   npm run bench -- --reuse meeting_bench_123      run on a database kept earlier (Postgres; no generation, kept)
//   npm run bench -- --no-bare                      the app only (no bare-server phase)
//   npm run bench -- --profile /tmp/prof            CPU profiles of the app's processes (written when it stops)
//   npm run bench -- --reuse … --hold               start and sign in, print the cookies, keep serving until Ctrl-C
//
// Ports: BENCH_PORT (default 3270) for the app, +1 the fake WeCom, +2 the bare server.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import { fromLocalIn, localPartsIn } from "../../lib/zoned-time.ts";
import { BENCH_APPKEY, BENCH_APPSECRET, generate, TZ } from "./generate.mjs";
import { runLoad, send, treeRss } from "./load.mjs";

const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const large = flag("--large");
const dbKind = opt("--db", "postgres");
const ROOMS = Number(opt("--rooms", large ? 2000 : 200));
const BOOKINGS = Number(opt("--bookings", large ? 1_000_000 : 100_000));
const DURATION = Number(opt("--duration", 20)) * 1000;
const WARMUP = Number(opt("--warmup", 3)) * 1000;
const CONNECTIONS = Number(opt("--connections", 10));
const ONLY = opt("--only", "") ? new Set(opt("--only").split(",")) : null;
const PORT = Number(process.env.BENCH_PORT ?? 3270);
const WECOM_PORT = PORT + 1;
const BARE_PORT = PORT + 2;
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const log = (...a) => console.log(...a);
const started = Date.now();
const loadStart = os.loadavg();

// ---------------------------------------------------------------------------------------------------------- data
const REUSE = opt("--reuse", "");
const dbName = REUSE || `meeting_bench_${process.pid}`;
const pgliteDir = path.join(root, ".data", "bench", `pglite-${process.pid}`);
let appDbUrl;
let cleanup = async () => {};
let query; // for the runner's own look-ups (ids of users, pending bookings)

async function prepareDatabase() {
  log(`Generating ${ROOMS} rooms × ${BOOKINGS} bookings on ${dbKind === "pglite" ? `PGlite (${pgliteDir})` : `Postgres (${dbName})`} …`);
  if (dbKind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
    const pg = await PGlite.create({ dataDir: pgliteDir, extensions: { btree_gist } });
    await migrate(drizzle(pg), { migrationsFolder: path.join(root, "drizzle") });
    const gen = await generate(async (t) => (await pg.exec(t)).at(-1)?.rows ?? [], { rooms: ROOMS, bookings: BOOKINGS, log });
    await pg.close();
    cleanup = async () => {
      fs.rmSync(pgliteDir, { recursive: true, force: true });
      fs.rmSync(`${pgliteDir}.lock`, { force: true });
    };
    // PGlite allows one process per directory: the runner reopens it only between the servers' phases.
    query = async (text) => {
      const p = await PGlite.create({ dataDir: pgliteDir, extensions: { btree_gist } });
      try {
        return (await p.query(text)).rows;
      } finally {
        await p.close();
      }
    };
    return gen;
  }
  const postgres = (await import("postgres")).default;
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  if (REUSE) {
    // A database kept by an earlier run (--keep): earlier submissions and approvals stay in it, so figures drift a
    // little from a fresh run's. Migrated in case the code gained a migration since; never dropped.
    const u = new URL(PG_URL);
    u.pathname = `/${dbName}`;
    appDbUrl = u.toString();
    const sql = postgres(appDbUrl, { max: 1, onnotice: () => {} });
    await migrate(drizzle(sql), { migrationsFolder: path.join(root, "drizzle") });
    cleanup = async () => {
      await sql.end({ timeout: 1 }).catch(() => {});
      await admin.end({ timeout: 1 });
    };
    query = (text) => sql.unsafe(text);
    const t0 = Date.now();
    const counts = await sql.unsafe(`select status, count(*)::int as n from appointments group by status order by status`);
    const [{ n }] = await sql.unsafe(`select count(*)::int as n from users`);
    return { users: n, counts: Object.fromEntries(counts.map((r) => [r.status, r.n])), ms: Date.now() - t0, reused: true };
  }
  await admin.unsafe(`create database "${dbName}"`);
  const u = new URL(PG_URL);
  u.pathname = `/${dbName}`;
  appDbUrl = u.toString();
  const sql = postgres(appDbUrl, { max: 1, onnotice: () => {} });
  cleanup = async () => {
    await sql.end({ timeout: 1 }).catch(() => {});
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch((e) => log(`could not drop ${dbName}: ${e.message}`));
    await admin.end({ timeout: 1 });
  };
  await migrate(drizzle(sql), { migrationsFolder: path.join(root, "drizzle") });
  const gen = await generate((t) => sql.unsafe(t), { rooms: ROOMS, bookings: BOOKINGS, log });
  query = (text) => sql.unsafe(text);
  return gen;
}

// ------------------------------------------------------------------------------------------------------ processes
const children = [];
function start(name, cmd, args, env) {
  const p = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  p.stdout.on("data", (d) => (out = (out + d).slice(-4000)));
  p.stderr.on("data", (d) => (out = (out + d).slice(-4000)));
  p.output = () => out;
  p.label = name;
  children.push(p);
  return p;
}
async function stop(p) {
  if (!p || p.exitCode !== null) return;
  const exited = new Promise((r) => p.once("exit", r));
  try {
    process.kill(-p.pid, "SIGTERM"); // its own process group: next start's server child too
  } catch {
    /* gone */
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (p.exitCode === null) {
    try {
      process.kill(-p.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
}
async function waitFor(url, p, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.exitCode !== null) throw new Error(`${p.label} exited:\n${p.output()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${p.output()}`);
}

// --------------------------------------------------------------------------------------------------------- sign-in
const WXWORK_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh";
const base = `http://127.0.0.1:${PORT}`;

/** Follows redirects by hand with a cookie jar, the way the WeCom in-app browser does. Returns the jar. */
async function browse(url, jar = new Map(), init = {}) {
  let next = url;
  let opts = init;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(next, {
      ...opts,
      redirect: "manual",
      headers: { "user-agent": WXWORK_UA, ...(opts.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const sameHost = new URL(next).port === String(PORT);
      if (!sameHost) continue;
      if (value === "" || attrs.some((a) => /max-age=0\b/i.test(a) || /expires=thu, 01 jan 1970/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    const loc = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && loc) {
      next = new URL(loc, next).toString();
      opts = {};
      continue;
    }
    return { jar, res, body: await res.text(), url: next };
  }
  throw new Error(`too many redirects from ${url}`);
}
const cookieHeader = (jar) => [...jar].filter(([k]) => k.includes("session")).map(([k, v]) => `${k}=${v}`).join("; ");

async function signInUsers(n) {
  const control = (p, body) =>
    fetch(`http://127.0.0.1:${WECOM_PORT}/__control/${p}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const out = [];
  for (let i = 1; i <= n; i++) {
    const userid = `bench${i}`; // generated users: they have booking history
    await control("users", { userid, name: `用户${i}` });
    await control("actor", { userid });
    const { jar, res, url } = await browse(`${base}/meeting/auth/start?via=oauth&next=${encodeURIComponent("/meeting/my")}`);
    if (res.status !== 200 || !new URL(url).pathname.startsWith("/meeting/my")) throw new Error(`sign-in of ${userid} ended at ${url} (${res.status})`);
    out.push({ userid, cookie: cookieHeader(jar) });
  }
  return out;
}

async function signInAdmin(password) {
  const { jar, body } = await browse(`${base}/meeting/login`, new Map(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "admin", password }).toString(),
  });
  if (!body.includes('"errcode":0')) throw new Error(`admin sign-in failed: ${body}`);
  return cookieHeader(jar);
}

// -------------------------------------------------------------------------------------------------------- workloads
const dayMs = (offset) => {
  const p = localPartsIn(new Date(), TZ);
  return fromLocalIn(p.year, p.month, p.day + offset, 0, TZ).getTime();
};
const isoDay = (offset) => {
  const p = localPartsIn(new Date(dayMs(offset) + 12 * 3600_000), TZ);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
};
const form = (o) => new URLSearchParams(Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]))).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const legacyOk = (status, body) => status === 200 && body.startsWith('{"errcode":0');

// Searches and one room's day look at days 1–30; approvals take pending bookings of days 31–60, submissions go to
// days 61–90: the answers compared between the app and the bare server never change during the run.
function searchBody(seq, anyTime) {
  const d = 1 + (seq % 30);
  const minute = 9 * 60 + ((seq * 7) % 22) * 30;
  return form({ roomId: 0, date: dayMs(d) + 12 * 3600_000, time: anyTime ? 0 : dayMs(d) + minute * 60_000, duration: 60, size: seq % 3 === 0 ? 10 : 0 });
}

function workloads(ctx) {
  const { users, admin, roomIds, campusRoomIds, pending, token, bare } = ctx;
  const auth = (conn) => (bare ? { "x-bench-user": String(users[conn % users.length].id) } : { cookie: users[conn % users.length].cookie });
  let approvalCursor = 0;
  const list = [
    {
      name: "search-slot",
      label: "exact-slot search (POST /rooms, time set)",
      bare: true,
      request: (c, s) => ({ method: "POST", path: "/meeting/rooms", headers: { ...FORM, ...auth(c) }, body: searchBody(s, false) }),
      ok: legacyOk,
    },
    {
      name: "search-any",
      label: "any free window that day (time 0)",
      bare: true,
      request: (c, s) => ({ method: "POST", path: "/meeting/rooms", headers: { ...FORM, ...auth(c) }, body: searchBody(s, true) }),
      ok: legacyOk,
    },
    {
      name: "room-day",
      label: "one room's day (GET /room/periods)",
      bare: true,
      request: (c, s) => ({ path: `/meeting/room/periods?roomId=${roomIds[(s * 13) % roomIds.length]}&type=that&date=${dayMs((s % 60) - 30) + 43_200_000}`, headers: auth(c) }),
      ok: legacyOk,
    },
    {
      name: "submit",
      label: "booking submission (POST /appointment)",
      bare: true,
      request: (c, s) => ({
        method: "POST",
        path: "/meeting/appointment",
        headers: { ...FORM, ...auth(c) },
        body: form({
          roomId: campusRoomIds[(s * 7) % campusRoomIds.length],
          datetime: dayMs(61 + (s % 30)) + (8 * 60 + (s % 26) * 30) * 60_000,
          duration: 60,
          size: 2,
          phone: "13800138000",
          purpose: "压测",
        }),
      }),
      ok: legacyOk,
    },
    {
      name: "approve",
      label: "approval, batches of 10 (POST /check/approve)",
      bare: false,
      request: () => {
        const ids = pending.slice(approvalCursor, approvalCursor + 10);
        approvalCursor += 10;
        return { method: "POST", path: "/meeting/check/approve", headers: { ...FORM, cookie: admin }, body: form({ ais: ids.join(",") }) };
      },
      ok: legacyOk,
    },
    { name: "health", label: "GET /api/health (framework floor)", bare: true, request: () => ({ path: "/meeting/api/health" }) },
    {
      name: "page-home",
      label: "page / (search form + today's free rooms)",
      bare: false,
      request: (c) => ({ path: "/meeting", headers: { cookie: users[c % users.length].cookie, "user-agent": WXWORK_UA } }),
      ok: (st, b) => st === 200 && b.includes("<html"),
    },
    {
      name: "page-room",
      label: "page /room/{id}/{date}",
      bare: false,
      request: (c, s) => ({ path: `/meeting/room/${roomIds[(s * 13) % roomIds.length]}/${isoDay(1 + (s % 30))}`, headers: { cookie: users[c % users.length].cookie, "user-agent": WXWORK_UA } }),
      ok: (st, b) => st === 200 && b.includes("<html"),
    },
    {
      name: "page-my",
      label: "page /my/bookings",
      bare: false,
      request: (c) => ({ path: "/meeting/my/bookings", headers: { cookie: users[c % users.length].cookie, "user-agent": WXWORK_UA } }),
      ok: (st, b) => st === 200 && b.includes("<html"),
    },
    {
      name: "openapi-list",
      label: "Open API meeting/list (one room, next 30 days)",
      bare: false,
      request: (c, s) => ({
        method: "POST",
        path: `/meeting/api/open/meeting/list?access_token=${token}`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ roomId: String(roomIds[(s * 13) % roomIds.length]) }),
      }),
      ok: (st, b) => st === 200 && b.includes('"success":true'),
    },
  ];
  return list.filter((w) => (!ONLY || ONLY.has(w.name)) && (!bare || w.bare));
}

// Fixed requests whose answers must be identical from both servers.
const SAMPLES = [
  { method: "POST", path: "/meeting/rooms", headers: FORM, body: searchBody(3, false) },
  { method: "POST", path: "/meeting/rooms", headers: FORM, body: searchBody(17, false) },
  { method: "POST", path: "/meeting/rooms", headers: FORM, body: searchBody(5, true) },
  { method: "POST", path: "/meeting/rooms", headers: FORM, body: searchBody(22, true) },
];
async function sampleAnswers(port, headers, roomIds) {
  const agent = new http.Agent({ keepAlive: false });
  const out = [];
  const reqs = [...SAMPLES, { path: `/meeting/room/periods?roomId=${roomIds[3]}&type=that&date=${dayMs(2) + 43_200_000}` }];
  for (const r of reqs) out.push((await send(agent, port, { ...r, headers: { ...(r.headers ?? {}), ...headers } })).body);
  return out;
}

// ----------------------------------------------------------------------------------------------------------- main
async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || flag("--build")) {
    log("No production build (or --build): running `next build` …");
    const b = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  }
  const gen = await prepareDatabase();
  log(`  generated in ${(gen.ms / 1000).toFixed(1)} s: ${JSON.stringify(gen.counts)} (status: count)`);

  const userRows = await query(`select id, userid from users where userid in (${Array.from({ length: CONNECTIONS }, (_, i) => `'bench${i + 1}'`).join(",")})`);
  const roomRows = await query(`select id, open_minute from rooms where available order by id`);
  const roomIds = roomRows.map((r) => r.id);
  const campusRoomIds = roomRows.filter((r) => r.open_minute === null).map((r) => r.id);
  const pending = (
    await query(`select id from appointments where status = 2
      and starts_at >= now() + interval '31 days' and starts_at < now() + interval '60 days' order by md5(id::text) limit 60000`)
  ).map((r) => r.id);

  const adminPassword = `bench-${randomBytes(9).toString("base64url")}`;
  if (REUSE) {
    // The seed sets ADMIN_PASSWORD only when it creates the admin: give the kept admin this run's password.
    const argon2 = (await import("argon2")).default;
    await query(`update admins set password_hash = '${await argon2.hash(adminPassword, { type: argon2.argon2id })}' where username = 'admin'`);
  }
  const appEnv = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(dbKind === "pglite" ? { PGLITE_DIR: pgliteDir, DATABASE_URL: "" } : { DATABASE_URL: appDbUrl }),
    AUTH_SECRET: randomBytes(32).toString("base64"),
    ADMIN_PASSWORD: adminPassword,
    APP_URL: base,
    APP_TIMEZONE: TZ,
    WECOM_CORP_ID: "wwbenchcorp",
    WECOM_AGENT_ID: "1000002",
    WECOM_SECRET: "bench-wecom-secret",
    WECOM_API_BASE: `http://127.0.0.1:${WECOM_PORT}`,
    WECOM_OAUTH_BASE: `http://127.0.0.1:${WECOM_PORT}`,
    WECOM_SSO_BASE: `http://127.0.0.1:${WECOM_PORT}`,
    DEMO_DATA: "0",
    DEMO_LOGIN: "0",
    SCHEDULER: "0",
    // The budgets still run (one upsert per request); they are raised so that 10 busy connections stay inside them.
    RATE_LIMIT_SEARCH_PER_MINUTE: "100000000",
    RATE_LIMIT_SUBMIT_PER_MINUTE: "100000000",
  };
  const results = { app: {}, bare: {} };
  let answers = {};

  // ---- the app
  const wecom = start("fake WeCom", process.execPath, ["--import", "tsx", "e2e/fakes/wecom-server.ts", "--port", String(WECOM_PORT)], {
    WECOM_CORP_ID: appEnv.WECOM_CORP_ID,
    WECOM_SECRET: appEnv.WECOM_SECRET,
    WECOM_AGENT_ID: appEnv.WECOM_AGENT_ID,
  });
  await waitFor(`http://127.0.0.1:${WECOM_PORT}/__control/health`, wecom);
  // --profile DIR: the app writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = opt("--profile", "") ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(opt("--profile"))}`] : [];
  const app = start("next start", process.execPath, [...profile, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"], appEnv);
  await waitFor(`${base}/meeting/api/health`, app);
  const signedIn = await signInUsers(CONNECTIONS);
  const users = signedIn.map((s) => ({ ...s, id: userRows.find((u) => u.userid === s.userid).id }));
  const admin = await signInAdmin(adminPassword);
  const tok = await (await fetch(`${base}/meeting/api/oapi/gettoken?appkey=${BENCH_APPKEY}&appsecret=${BENCH_APPSECRET}`)).json();
  if (!tok.success) throw new Error(`gettoken failed: ${JSON.stringify(tok)}`);
  log(`App on ${base} (${dbKind}); ${users.length} WeCom users signed in through OAuth, admin by password, Open API token issued.`);
  if (flag("--hold")) {
    // --hold: leave the signed-in app running for manual requests (curl with the cookies printed), until Ctrl-C.
    log(JSON.stringify({ base, user: users[0].cookie, admin, token: tok.value.access_token, roomId: roomIds[0] }));
    await new Promise((r) => process.once("SIGINT", r));
    return;
  }
  answers.app = await sampleAnswers(PORT, { cookie: users[0].cookie }, roomIds);
  const ctx = { users, admin, roomIds, campusRoomIds, pending, token: tok.value.access_token };
  for (const w of workloads({ ...ctx, bare: false })) {
    log(`  app  ${w.name} …`);
    results.app[w.name] = await runLoad({ port: PORT, request: w.request, ok: w.ok, connections: CONNECTIONS, warmupMs: WARMUP, durationMs: DURATION, pid: app.pid });
  }
  results.app.idleRssMB = Math.round(treeRss(app.pid) / 1024);
  await stop(app);
  await stop(wecom);

  // ---- the bare server, same data, same statements (--no-bare skips it while iterating on the app)
  if (!flag("--no-bare")) {
  // react-server: the service modules it imports start with `import "server-only"`, which throws under plain node.
  const bare = start("bare server", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/bare-server.mjs", "--port", String(BARE_PORT), ...(dbKind === "pglite" ? ["--pglite", pgliteDir] : ["--url", appDbUrl])], {
    APP_TIMEZONE: TZ,
    RATE_LIMIT_SEARCH_PER_MINUTE: appEnv.RATE_LIMIT_SEARCH_PER_MINUTE,
    RATE_LIMIT_SUBMIT_PER_MINUTE: appEnv.RATE_LIMIT_SUBMIT_PER_MINUTE,
  });
  await waitFor(`http://127.0.0.1:${BARE_PORT}/meeting/api/health`, bare);
  answers.bare = await sampleAnswers(BARE_PORT, { "x-bench-user": String(users[0].id) }, roomIds);
  for (const w of workloads({ ...ctx, bare: true })) {
    log(`  bare ${w.name} …`);
    results.bare[w.name] = await runLoad({ port: BARE_PORT, request: w.request, ok: w.ok, connections: CONNECTIONS, warmupMs: WARMUP, durationMs: DURATION, pid: bare.pid });
  }
  await stop(bare);
  }

  const identical = !answers.bare || answers.app.every((a, i) => a === answers.bare[i]);
  const bundles = readBundles();
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadavgStart: loadStart.map((l) => +l.toFixed(2)), loadavgEnd: os.loadavg().map((l) => +l.toFixed(2)), node: process.version, totalMemMB: Math.round(os.totalmem() / 2 ** 20) },
    config: { db: dbKind, rooms: ROOMS, bookings: BOOKINGS, users: gen.users, connections: CONNECTIONS, warmupS: WARMUP / 1000, durationS: DURATION / 1000 },
    data: { generationMs: gen.ms, byStatus: gen.counts },
    answersIdentical: identical,
    ...(identical ? {} : { answerSamples: answers }),
    workloads: workloads({ ...ctx, bare: false }).map((w) => ({
      name: w.name,
      label: w.label,
      app: results.app[w.name],
      bare: results.bare[w.name] ?? null,
      appOverBare: results.bare[w.name] ? +(results.app[w.name].rps / results.bare[w.name].rps).toFixed(2) : null,
    })),
    appIdleRssMB: results.app.idleRssMB,
    bundles,
    wallS: Math.round((Date.now() - started) / 1000),
  };
  printTable(report);
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.at.replace(/[:.]/g, "-")}-${dbKind}-${ROOMS}x${BOOKINGS}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  log(`\nWrote ${path.relative(root, file)}`);
}

function readBundles() {
  const r = spawnSync(process.execPath, [path.join(root, "scripts/measure-bundles.mjs"), "--json"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) return null;
  const { routes } = JSON.parse(r.stdout);
  const pick = (route) => routes.find((x) => x.route === route);
  const kb = (x) => (x ? +(x.gzip / 1024).toFixed(1) : null);
  const consoleRoutes = routes.filter((x) => x.route.startsWith("/admin") || x.route.startsWith("/manage"));
  return {
    home: kb(pick("/")),
    room: kb(pick("/room/[roomId]/[date]")),
    myBookings: kb(pick("/my/bookings")),
    bookingForm: kb(pick("/appointment/[roomId]")),
    consoleMax: consoleRoutes.length ? kb(consoleRoutes.reduce((a, b) => (b.gzip > a.gzip ? b : a))) : null,
    consoleMaxRoute: consoleRoutes.length ? consoleRoutes.reduce((a, b) => (b.gzip > a.gzip ? b : a)).route : null,
  };
}

function printTable(r) {
  const f = (v, w) => String(v ?? "—").padStart(w);
  log(`\n${r.config.rooms} rooms × ${r.config.bookings} bookings on ${r.config.db}; ${r.config.connections} connections, ${r.config.durationS} s after ${r.config.warmupS} s warm-up`);
  log(`load average ${r.machine.loadavgStart.join(" / ")} at start, ${r.machine.loadavgEnd.join(" / ")} at end (${r.machine.cpus} CPUs: figures are noisy on a shared machine)`);
  log(`answers of app and bare server identical: ${r.answersIdentical ? "yes" : "NO"}\n`);
  log(`${"workload".padEnd(16)}${f("req/s", 9)}${f("p50 ms", 9)}${f("p95 ms", 9)}${f("p99 ms", 9)}${f("errors", 8)}${f("RSS MB", 8)} │${f("bare r/s", 10)}${f("p95 ms", 9)}${f("RSS MB", 8)}${f("app/bare", 10)}`);
  for (const w of r.workloads) {
    const a = w.app;
    const b = w.bare;
    log(`${w.name.padEnd(16)}${f(a.rps, 9)}${f(a.p50, 9)}${f(a.p95, 9)}${f(a.p99, 9)}${f(a.errors, 8)}${f(a.rssMaxMB, 8)} │${f(b?.rps, 10)}${f(b?.p95, 9)}${f(b?.rssMaxMB, 8)}${f(w.appOverBare, 10)}`);
    if (a.errors) log(`    first error: ${a.firstError}`);
  }
  if (r.bundles) {
    const b = r.bundles;
    log(`\nFirst-load JS (gzip KB): home ${b.home}, room ${b.room}, my bookings ${b.myBookings}, booking form ${b.bookingForm}, console max ${b.consoleMax} (${b.consoleMaxRoute})`);
  }
  log(`wall time ${r.wallS} s`);
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  for (const c of children) await stop(c);
  if (flag("--keep") || REUSE) log(`Kept the data: ${dbKind === "pglite" ? pgliteDir : appDbUrl}`);
  else await cleanup();
}
process.exit(exitCode);
