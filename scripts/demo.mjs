#!/usr/bin/env node
// `npm run demo`: the whole product on one machine, on the embedded database — the app with demo data and demo
// sign-in, and the fakes of the external systems it talks to (WeCom, the campus platform when present), so that the
// messages the system sends can be read on the demo mailbox page.
//
// * Builds when the build is missing or older than the sources; keeps a generated AUTH_SECRET in .data/.
// * APP_URL (every redirect and link the app emits) is built from DEMO_HOST, else this machine's LAN address, so a
//   phone on the same network can follow the printed URL. DEMO_HOST=localhost keeps everything on this machine.
// * Ctrl-C / SIGTERM stop every child process (they share the demo's process group and are also stopped one by one).
import { randomBytes } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
fs.mkdirSync(".data", { recursive: true });

const secretFile = ".data/auth-secret";
if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });

/** The first non-internal IPv4 address (a phone on the same Wi-Fi reaches the demo there), else localhost. */
export function lanAddress(interfaces = os.networkInterfaces()) {
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return "localhost";
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.DEMO_HOST || lanAddress();
const wecomPort = port + 1;
const campusPort = port + 2;
const fakeCampus = "e2e/fakes/campus-server.ts";
const withCampus = fs.existsSync(fakeCampus) && !process.env.CAMPUS_API_BASE && process.env.DEMO_CAMPUS !== "0";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? fs.readFileSync(secretFile, "utf8").trim(),
  APP_URL: process.env.APP_URL ?? `http://${host}:${port}`,
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? "demo-admin-password",
  DEMO_DATA: "1",
  DEMO_LOGIN: "1",
  PGLITE_DIR: process.env.PGLITE_DIR ?? "./.data/pglite",
  // The fake WeCom receives the app's server-side calls (messages, user look-ups); sign-in uses the demo page.
  WECOM_API_BASE: `http://127.0.0.1:${wecomPort}`,
  WECOM_OAUTH_BASE: `http://127.0.0.1:${wecomPort}`,
  WECOM_SSO_BASE: `http://127.0.0.1:${wecomPort}`,
  WECOM_CORP_ID: "wwdemocorp",
  WECOM_SECRET: "demo-wecom-secret",
  DEMO_WECOM_CONTROL: `http://127.0.0.1:${wecomPort}`,
  OPEN_API_ALLOW_PRIVATE_CALLBACKS: process.env.OPEN_API_ALLOW_PRIVATE_CALLBACKS ?? "1",
  // The campus platform: unless a real API center is configured (CAMPUS_API_BASE) or DEMO_CAMPUS=0, a fake one runs
  // next to the demo so that the console page 校园平台, notices, calendar entries and the operation log work end to end.
  ...(withCampus
    ? {
        CAMPUS_API_BASE: `http://127.0.0.1:${campusPort}`,
        CAMPUS_API_TOKEN: "campus-demo-token",
        CAMPUS_CLIENT_ID: "meeting",
        CAMPUS_CLIENT_SECRET: "campus-demo-secret",
        CAMPUS_ADMIN_ROLE_KEYS: process.env.CAMPUS_ADMIN_ROLE_KEYS ?? "meeting:admin",
        CAMPUS_SUPER_ROLE_KEYS: process.env.CAMPUS_SUPER_ROLE_KEYS ?? "meeting:super",
        CAMPUS_NOTICE_CHANNELS: process.env.CAMPUS_NOTICE_CHANNELS ?? "MC00003",
        DEMO_CAMPUS_CONTROL: `http://127.0.0.1:${campusPort}`,
      }
    : {}),
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const children = new Set();
let stopping = false;

/**
 * Starts a server in the demo's own process group (none of them starts processes of its own), so that whatever stops
 * the group (Ctrl-C in a terminal, a test runner killing the group) stops them all; stopping the demo by its pid stops
 * each child in turn.
 */
function start(name, cmd, args, extraEnv = {}) {
  const child = spawn(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[demo] ${name} stopped (${signal ?? code}); stopping the demo.`);
      stop(code ?? 1);
    }
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      child.kill("SIGTERM");
    } catch {}
  }
  // Anything still running after 5 s is killed.
  const deadline = setTimeout(() => {
    for (const child of children) {
      try {
        child.kill("SIGKILL");
      } catch {}
    }
    process.exit(code);
  }, 5000);
  deadline.unref();
  const check = setInterval(() => {
    if (children.size === 0) {
      clearInterval(check);
      process.exit(code);
    }
  }, 100);
}

async function main() {
  const sources = Math.max(
    ...["app", "lib", "drizzle", "public"].filter((d) => fs.existsSync(d)).map(newestMtime),
    ...["middleware.ts", "next.config.mjs", "package-lock.json"].filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs),
  );
  const built = fs.existsSync(".next/BUILD_ID") ? fs.statSync(".next/BUILD_ID").mtimeMs : 0;
  if (built < sources) {
    console.log("Building the app (about a minute)…");
    const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }

  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => stop(0));

  const tsx = ["--import", "tsx"];
  start("fake WeCom", process.execPath, [...tsx, "e2e/fakes/wecom-server.ts", "--port", String(wecomPort), "--corp-id", env.WECOM_CORP_ID, "--secret", env.WECOM_SECRET]);
  if (withCampus) start("fake campus platform", process.execPath, [...tsx, fakeCampus, "--port", String(campusPort)]);
  start("app", process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "0.0.0.0", "--keepAliveTimeout", "65000"]);

  const url = `${env.APP_URL}/meeting`;
  console.log(`
  Demo is starting. Open on this computer or on a phone on the same network:

    ${url}                  (pick a demo user; works with a WeCom user agent too)
    ${url}/admin            (console: admin / ${env.ADMIN_PASSWORD})
    ${url}/demo/mailbox     (the WeCom messages${withCampus ? ", campus notices and calendar entries" : ""} the system sent)

  Pending requests wait for review (auto-review is off in the demo). Ctrl-C stops everything.
  ${host === "localhost" ? "" : `Set DEMO_HOST=localhost to keep everything on this machine.`}
`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
