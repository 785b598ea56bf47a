import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The newcomer's journey through `npm run demo`: the real demo script (fake WeCom, demo data, demo sign-in) on a
// fresh embedded database, driven in Chromium at phone size with a WeCom user agent. Needs a build (`npm run build`).
const PORT = Number(process.env.E2E_DEMO_PORT ?? 3190);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "meeting-demo-"));

export default defineConfig({
  testDir: "e2e/demo",
  outputDir: "test-results/demo",
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.E2E_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  },
  webServer: {
    command: "node scripts/demo.mjs",
    url: `http://localhost:${PORT}/meeting/api/health`,
    env: { PORT: String(PORT), DEMO_HOST: "localhost", PGLITE_DIR: path.join(dataDir, "pglite"), LOG_FORMAT: "off", SCHEDULER: "0" },
    reuseExistingServer: false,
    // Stop the demo the way a person does (SIGTERM), so that it stops its fake servers and the app before it exits.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
