#!/usr/bin/env node
// The whole test suite: unit/service tests (Vitest) on the embedded database and on Postgres, one production build,
// then the Playwright suites against `next start` on both databases. Ends with one line `N passed, N failed`.
//
// Postgres: TEST_DATABASE_URL (a server where throwaway databases may be created). Unset: the local server at
// postgres://postgres@127.0.0.1:5432/postgres is used when it answers; otherwise the Postgres suites are skipped with
// a warning (in CI, CI=true, they are required).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "meeting-tests-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// A stage that hangs (a server that never stops, a browser that never answers) fails after this long instead of
// taking the whole CI budget with it.
const STAGE_TIMEOUT_MS = Number(process.env.TEST_STAGE_TIMEOUT_MINUTES ?? 30) * 60_000;

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv }, timeout: STAGE_TIMEOUT_MS, killSignal: "SIGKILL" });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (r.error?.code === "ETIMEDOUT") {
    console.error(`\n${cmd} ${args.join(" ")} did not finish within ${STAGE_TIMEOUT_MS / 60_000} minutes and was stopped.`);
    return 1;
  }
  console.log(`(${cmd} ${args[0] ?? ""} took ${minutes} min)`);
  return r.status ?? 1;
}

function count(label, file, kind, status) {
  let passed = 0, failed = 0, skipped = 0;
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    if (kind === "vitest") {
      passed = report.numPassedTests;
      failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
      skipped = report.numPendingTests + (report.numTodoTests ?? 0);
      // A suite that failed to load counts as a failure even though it has no tests.
      if (status !== 0 && failed === 0) failed = 1;
    } else {
      passed = report.stats.expected;
      failed = report.stats.unexpected + report.stats.flaky;
      skipped = report.stats.skipped;
      if (status !== 0 && failed === 0) failed = 1 + (report.errors?.length ? 0 : 0);
    }
  } catch {
    failed = 1; // no report: the runner itself failed
  }
  totals.passed += passed; totals.failed += failed; totals.skipped += skipped;
  summary.push(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

async function reachable(url) {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try { await sql`select 1`; return true; } catch { return false; } finally { await sql.end({ timeout: 1 }); }
}

let pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) {
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (await reachable(local)) pgUrl = local;
}
if (pgUrl && !(await reachable(pgUrl))) {
  console.error(`TEST_DATABASE_URL=${pgUrl} does not answer.`);
  pgUrl = undefined;
}
if (!pgUrl) {
  const msg = "No Postgres server reachable: the Postgres suites are skipped (set TEST_DATABASE_URL).";
  if (process.env.CI) { console.error(msg + " CI requires them."); totals.failed += 1; summary.push("postgres: unreachable (1 failed)"); }
  else console.warn(`WARNING: ${msg}`);
}

const only = process.env.TEST_ONLY; // "unit" | "e2e" for quicker local loops

if (only !== "e2e") {
  const file = path.join(tmp, "vitest.json");
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${file}`], pgUrl ? { TEST_DATABASE_URL: pgUrl } : {});
  count(pgUrl ? "unit (pglite + postgres)" : "unit (pglite)", file, "vitest", status);
}

if (only !== "unit") {
  const built = process.env.SKIP_BUILD === "1" && fs.existsSync(".next/BUILD_ID") ? 0 : run("npm", ["run", "build"], { NEXT_OUTPUT: "standalone" });
  if (built !== 0) {
    totals.failed += 1; summary.push("next build: failed");
  } else {
    const pw = (label, extra, filters = []) => {
      const file = path.join(tmp, `${label}.json`);
      const status = run("npx", ["playwright", "test", ...filters], { E2E_JSON_REPORT: file, ...extra });
      count(`e2e (${label})`, file, "playwright", status);
    };
    pw("pglite", {});
    // The newcomer's `npm run demo` journey (phone, WeCom user agent, review, demo mailbox) on its own server.
    {
      const file = path.join(tmp, "demo.json");
      const status = run("npx", ["playwright", "test", "-c", "playwright.demo.config.ts"], { E2E_JSON_REPORT: file });
      count("e2e (demo)", file, "playwright", status);
    }
    if (pgUrl) {
      const name = `e2e_${process.pid}_${Date.now()}`;
      const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      const u = new URL(pgUrl); u.pathname = `/${name}`;
      // On Postgres the suite runs against the standalone server.js, as the Docker image starts it: every HTTP contract
      // (where the database engine matters: concurrency, constraints, outages), and the browser specs that show the
      // standalone build serves its pages, assets and security headers. The rest of the browser suite does not depend
      // on the database engine and ran above (PGLITE_AND_POSTGRES_UI=1 runs all of it here too).
      const filters = process.env.PGLITE_AND_POSTGRES_UI === "1" ? [] : ["e2e/api/", "e2e/ui/sign-in", "e2e/ui/security-csp", "e2e/ui/home", "e2e/ui/booking-certainty"];
      try { pw("postgres", { E2E_DATABASE_URL: u.toString(), E2E_STANDALONE: "1" }, filters); }
      finally { await admin.unsafe(`drop database if exists "${name}" with (force)`); await admin.end(); }
    }
  }
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log("\n" + summary.join("\n"));
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
