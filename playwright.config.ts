import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// End-to-end tests against `next start` (run `next build` first), driving Debian's Chromium. The server gets a fresh
// embedded database per run, or Postgres when E2E_DATABASE_URL is set. Each engineer/CI run can pick its own ports.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const WECOM_PORT = Number(process.env.E2E_WECOM_PORT ?? 3101);
const CAMPUS_PORT = Number(process.env.E2E_CAMPUS_PORT ?? PORT + 2);
process.env.E2E_RUN_ID ??= String(Date.now()); // set once in the main process; workers inherit it
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. Install Debian's package: \`apt-get update && apt-get install -y chromium\` ` +
      `(Playwright never downloads a browser here), or point CHROMIUM_PATH at one.`,
  );
}

const pgliteDir = path.resolve(`.data/e2e/${PORT}-${process.env.E2E_RUN_ID}/pglite`);
const wecomBase = `http://127.0.0.1:${WECOM_PORT}`;
const campusBase = `http://127.0.0.1:${CAMPUS_PORT}`;
export const e2eServerEnv: Record<string, string> = {
  // Idle keep-alive connections stay open longer than any client waits between requests (Next's default is 5 s): a
  // request sent on a socket the server is just closing ends in ECONNRESET. The standalone server reads this variable;
  // `next start` gets --keepAliveTimeout.
  KEEP_ALIVE_TIMEOUT: "65000",
  APP_URL: `http://localhost:${PORT}`,
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
  ADMIN_PASSWORD: "e2e-admin-password",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  WECOM_CORP_ID: "wwe2ecorp",
  WECOM_AGENT_ID: "1000002",
  WECOM_SECRET: "e2e-wecom-secret",
  WECOM_API_BASE: wecomBase,
  WECOM_OAUTH_BASE: wecomBase,
  WECOM_SSO_BASE: wecomBase,
  APP_TIMEZONE: "Asia/Shanghai",
  DEMO_DATA: "1",
  DEMO_LOGIN: "0",
  SCHEDULER: "0",
  // Tests play several clients from one machine: each names its address in X-Forwarded-For, as a proxy would.
  TRUST_PROXY_HOPS: "1",
  // The fake Open API subscriber listens on 127.0.0.1.
  OPEN_API_ALLOW_PRIVATE_CALLBACKS: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_FORMAT: "off",
  // The standalone server reads its port and address from these (next start ignores them).
  PORT: String(PORT),
  HOSTNAME: "::",
  // The campus platform integration is on against the fake API center (e2e/fakes/campus-server.ts).
  CAMPUS_API_BASE: campusBase,
  CAMPUS_API_TOKEN: "e2e-campus-token",
  CAMPUS_CLIENT_ID: "meeting-e2e",
  CAMPUS_CLIENT_SECRET: "e2e-campus-secret",
  CAMPUS_ADMIN_ROLE_KEYS: "meeting:admin",
  CAMPUS_SUPER_ROLE_KEYS: "meeting:super",
  CAMPUS_NOTICE_CHANNELS: "MC00003",
  ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { PGLITE_DIR: pgliteDir }),
};
for (const [k, v] of Object.entries(e2eServerEnv)) process.env[`E2E_SERVER_${k}`] = v; // readable by helpers

const fakeWecom = "e2e/fakes/wecom-server.ts";
const fakeCampus = "e2e/fakes/campus-server.ts";
const launchArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JSON_REPORT
    ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]]
    : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromium, args: launchArgs },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    { name: "ui", testDir: "e2e/ui" },
  ],
  webServer: [
    ...(fs.existsSync(fakeWecom)
      ? [
          {
            command: `node --import tsx ${fakeWecom} --port ${WECOM_PORT}`,
            url: `${wecomBase}/__control/health`,
            reuseExistingServer: !process.env.CI,
            timeout: 30_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
    ...(fs.existsSync(fakeCampus)
      ? [
          {
            command: `node --import tsx ${fakeCampus} --port ${CAMPUS_PORT}`,
            url: `${campusBase}/__fake/apicenter/health`,
            env: { CAMPUS_API_TOKEN: "e2e-campus-token", CAMPUS_CLIENT_ID: "meeting-e2e", CAMPUS_CLIENT_SECRET: "e2e-campus-secret" },
            reuseExistingServer: !process.env.CI,
            timeout: 30_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
    {
      // E2E_STANDALONE=1: the standalone server of the Docker image (`npm run build` prepared it), else `next start`.
      command: process.env.E2E_STANDALONE === "1" ? "node .next/standalone/server.js" : `npx next start -p ${PORT} --keepAliveTimeout 65000`,
      url: `http://localhost:${PORT}/meeting/api/health`,
      env: e2eServerEnv,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
