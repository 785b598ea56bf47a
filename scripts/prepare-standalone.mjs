#!/usr/bin/env node
// After `next build`: completes the standalone server in .next/standalone (what the Docker image runs with
// `node server.js`) with the files Next leaves out of it — the static assets, public/ and the migrations.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".next/standalone");
if (process.env.NEXT_OUTPUT !== "standalone") process.exit(0); // an ordinary build for `next start`
if (!fs.existsSync(path.join(out, "server.js"))) {
  console.error("No .next/standalone/server.js after a build with NEXT_OUTPUT=standalone.");
  process.exit(1);
}
const copy = (from, to) => {
  if (!fs.existsSync(path.join(root, from))) return;
  fs.rmSync(path.join(out, to), { recursive: true, force: true });
  fs.cpSync(path.join(root, from), path.join(out, to), { recursive: true });
};
copy(".next/static", ".next/static");
copy("public", "public");
copy("drizzle", "drizzle");
// argon2's prebuilt linux binary crashes on some CPUs (seen here: a segfault at load); `npm ci` then compiles it into
// build/Release, which node-gyp-build prefers — but Next's file tracing copies only the prebuilds. Carry the build.
copy("node_modules/argon2/build/Release/argon2.node", "node_modules/argon2/build/Release/argon2.node");
console.log("Standalone server ready: node .next/standalone/server.js");
