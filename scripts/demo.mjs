#!/usr/bin/env node
// `npm run demo`: the app with demo data and demo sign-in on the embedded database, at http://localhost:3000/meeting.
// Builds when the build is missing or older than the sources, keeps a generated AUTH_SECRET in .data/.
import { randomBytes } from "node:crypto";
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
fs.mkdirSync(".data", { recursive: true });

const secretFile = ".data/auth-secret";
if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });

const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? fs.readFileSync(secretFile, "utf8").trim(),
  APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? "demo-admin-password",
  DEMO_DATA: "1",
  DEMO_LOGIN: "1",
  PGLITE_DIR: process.env.PGLITE_DIR ?? "./.data/pglite",
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}
const sources = Math.max(...["app", "lib", "drizzle", "public"].filter((d) => fs.existsSync(d)).map(newestMtime),
  ...["middleware.ts", "next.config.mjs", "package-lock.json"].filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs));
const built = fs.existsSync(".next/BUILD_ID") ? fs.statSync(".next/BUILD_ID").mtimeMs : 0;
if (built < sources) {
  console.log("Building the app (about a minute)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The campus platform: unless a real API center is configured, a fake one (e2e/fakes/campus-server.ts) runs next to
// the demo so that the console page 校园平台, notices, calendar entries and the operation log work end to end.
let campusChild = null;
if (!process.env.CAMPUS_API_BASE && process.env.DEMO_CAMPUS !== "0") {
  const campusPort = process.env.CAMPUS_FAKE_PORT ?? String(Number(port) + 11);
  Object.assign(env, {
    CAMPUS_API_BASE: `http://127.0.0.1:${campusPort}`,
    CAMPUS_API_TOKEN: "campus-demo-token",
    CAMPUS_CLIENT_ID: "meeting",
    CAMPUS_CLIENT_SECRET: "campus-demo-secret",
    CAMPUS_ADMIN_ROLE_KEYS: env.CAMPUS_ADMIN_ROLE_KEYS ?? "meeting:admin",
    CAMPUS_SUPER_ROLE_KEYS: env.CAMPUS_SUPER_ROLE_KEYS ?? "meeting:super",
    CAMPUS_NOTICE_CHANNELS: env.CAMPUS_NOTICE_CHANNELS ?? "MC00003",
  });
  campusChild = spawn(process.execPath, ["--import", "tsx", "e2e/fakes/campus-server.ts", "--port", campusPort], { stdio: "inherit", env });
  console.log(`Campus platform: a fake API center at ${env.CAMPUS_API_BASE} (set CAMPUS_API_BASE to use a real one, DEMO_CAMPUS=0 for none)`);
}

console.log(`\nDemo: http://localhost:${port}/meeting  ·  admin console: http://localhost:${port}/meeting/admin`);
console.log(`Demo admin: admin / ${env.ADMIN_PASSWORD}  ·  demo users can be picked on the sign-in page\n`);
const child = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { child.kill(sig); campusChild?.kill(sig); });
child.on("exit", (code) => { campusChild?.kill("SIGTERM"); process.exit(code ?? 0); });
