import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and service tests. Every test file gets its own migrated database: in-memory PGlite always, and a throwaway
// Postgres database too when TEST_DATABASE_URL is set (the "postgres" project).
const include = ["lib/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts"];
const projects = [{ extends: true as const, test: { name: "pglite", include, env: { TEST_DB: "pglite" } } }];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ extends: true as const, test: { name: "postgres", include, env: { TEST_DB: "postgres" } } });
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules start with `import "server-only"` (it throws outside a React server bundle); tests are server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    globalSetup: ["./lib/db/testing/global-setup.ts"],
    setupFiles: ["./lib/db/testing/setup-env.ts"],
    pool: "forks",
    // next-auth imports `next/server` without an extension; inlined, Vite resolves it (route handlers that sign in
    // can then be called in-process).
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects,
  },
});
