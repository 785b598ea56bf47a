#!/usr/bin/env node
// First-load JavaScript per App Router page, measured from the production build in .next (run `next build` first).
// A page's first load = the root main files every page loads + the client chunks its layouts and page reference
// (from each page_client-reference-manifest.js). Sizes are of the files on disk, raw and gzip (level 9, what a
// compressing proxy serves). The nomodule polyfill is left out: modern browsers (WeCom's included) never fetch it.
//
//   npm run measure:bundles                 table of every page
//   npm run measure:bundles -- --json       machine-readable
//   npm run measure:bundles -- --budget /=150 --budget /my=150   fail (exit 1) when a page exceeds N KB gzip
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const root = path.resolve(process.argv.includes("--dir") ? process.argv[process.argv.indexOf("--dir") + 1] : ".next");
if (!fs.existsSync(path.join(root, "build-manifest.json"))) {
  console.error(`No production build in ${root}: run \`npx next build\` first.`);
  process.exit(2);
}
const buildManifest = JSON.parse(fs.readFileSync(path.join(root, "build-manifest.json"), "utf8"));
const rootMain = buildManifest.rootMainFiles ?? [];

const sizeCache = new Map();
function sizeOf(file) {
  if (!sizeCache.has(file)) {
    const buf = fs.readFileSync(path.join(root, file));
    sizeCache.set(file, { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length });
  }
  return sizeCache.get(file);
}

function* manifests(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(p);
    else if (entry.name === "page_client-reference-manifest.js") yield p;
  }
}

const rows = [];
for (const file of manifests(path.join(root, "server", "app"))) {
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
    const files = new Set(rootMain);
    for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const c of chunks) files.add(c);
    const js = [...files].filter((f) => f.endsWith(".js"));
    const total = js.reduce((acc, f) => {
      const s = sizeOf(f);
      return { raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip };
    }, { raw: 0, gzip: 0 });
    // "/(user)/room/[roomId]/[date]/page" → "/room/[roomId]/[date]"
    const route = key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    rows.push({ route, files: js.length, raw: total.raw, gzip: total.gzip });
  }
}
rows.sort((a, b) => a.route.localeCompare(b.route));
const shared = rootMain.reduce((acc, f) => acc + sizeOf(f).gzip, 0);

const kb = (n) => (n / 1024).toFixed(1);
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ sharedGzip: shared, routes: rows }, null, 2));
} else {
  console.log(`First-load JS per page (gzip; shared by all pages: ${kb(shared)} KB)\n`);
  const w = Math.max(...rows.map((r) => r.route.length), 5);
  console.log(`${"Route".padEnd(w)}  ${"gzip KB".padStart(8)}  ${"raw KB".padStart(8)}  files`);
  for (const r of rows) console.log(`${r.route.padEnd(w)}  ${kb(r.gzip).padStart(8)}  ${kb(r.raw).padStart(8)}  ${r.files}`);
}

let failed = false;
for (let i = 0; i < process.argv.length; i++) {
  if (process.argv[i] !== "--budget") continue;
  const [route, limit] = process.argv[i + 1].split("=");
  const row = rows.find((r) => r.route === route);
  if (!row) {
    console.error(`budget: no page ${route}`);
    failed = true;
  } else if (row.gzip / 1024 > Number(limit)) {
    console.error(`budget: ${route} is ${kb(row.gzip)} KB gzip, over ${limit} KB`);
    failed = true;
  } else if (!process.argv.includes("--json")) {
    console.log(`budget: ${route} ${kb(row.gzip)} KB ≤ ${limit} KB`);
  }
}
process.exit(failed ? 1 : 0);
