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

console.log(`\nDemo: http://localhost:${port}/meeting  ·  admin console: http://localhost:${port}/meeting/admin`);
console.log(`Demo admin: admin / ${env.ADMIN_PASSWORD}  ·  demo users can be picked on the sign-in page\n`);
const child = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
