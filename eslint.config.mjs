// Lint: Next.js's rules (core web vitals + TypeScript) and the layer boundaries of ARCHITECTURE.md. `npm run lint`;
// .ci/run fails on any error or warning. Every rule turned off or narrowed below says why.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/testing/**", "e2e/**", "tests/**"];

// An import that names a module under lib/<dir> or app/, through the alias or a relative path climbing out.
const layer = (dirs) => `^(@/|(\\.\\./)+)(${dirs})(/|$)`;

// Modules that must never reach a browser bundle start with `import "server-only"` (the build then fails when a
// client component pulls one in). This rule makes sure every module of those layers has it.
const serverOnlyPlugin = {
  rules: {
    "require-server-only": {
      meta: {
        type: "problem",
        fixable: "code",
        schema: [],
        messages: { missing: 'This layer never reaches a browser: start the module with `import "server-only";` (eslint --fix adds it).' },
      },
      create(context) {
        return {
          Program(node) {
            const has = node.body.some((s) => s.type === "ImportDeclaration" && s.source.value === "server-only" && s.specifiers.length === 0);
            if (has) return;
            const first = node.body[0];
            const next = first?.type === "ImportDeclaration" ? "\n" : "\n\n";
            context.report({
              node,
              loc: { line: 1, column: 0 },
              messageId: "missing",
              fix: (fixer) => (first ? fixer.insertTextBefore(first, `import "server-only";${next}`) : fixer.insertTextAfter(node, 'import "server-only";\n')),
            });
          },
        };
      },
    },
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**", "out/**", "build/**", "next-env.d.ts", ".data/**", "playwright-report/**", "test-results/**",
    "test-results-pg/**", "e2e/artifacts/**", "public/**",
  ]),

  {
    rules: {
      // `_name` marks a binding kept on purpose (a destructured field left out of a copy, an unused callback argument).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" }],
      // Room photos and avatars come from our own route handlers (/room-photo, /avatar), already re-encoded to the
      // size they are shown at, with their own cache headers, or from WeCom's avatar CDN; next/image's optimizer would
      // decode and encode them again (and proxy WeCom's images through this server).
      "@next/next/no-img-element": "off",
      // Sign-out and a password change leave the console with a full page load on purpose: every cached query of the
      // ended session goes with it (the client router would keep them).
      "@next/next/no-location-assign-relative-destination": "off",
    },
  },
  {
    // Test files are not React: `useTestDb()`/`useFakeWecom()` are Vitest fixture helpers, Playwright's `use` a fixture.
    files: TESTS,
    rules: { "react-hooks/rules-of-hooks": "off" },
  },

  // ---- Layer boundaries (ARCHITECTURE.md). Tests may cross layers; the modules they test may not.
  {
    // UI components get their data from pages, route handlers or the client data layer, never from the server layers.
    // Type-only imports are erased at build time and allowed (response types are shared with the services).
    files: ["app/_components/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{
          regex: layer("lib/services|lib/db|lib/clients"),
          allowTypeImports: true,
          message: "app/_components never imports lib/services, lib/db or lib/clients: take the data as props (pages) or through the client data layer; shared pure code lives in lib/domain.",
        }],
      }],
    },
  },
  {
    // Services are the use cases: no HTTP, no framework, no pages.
    files: ["lib/services/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [
          { regex: "^next(/|$)", message: "lib/services never imports next/*: the route adapters in lib/http do the HTTP side." },
          { regex: layer("lib/http|app"), message: "lib/services never imports lib/http or app/: services are called by them, not the other way round." },
          { regex: "^\\.\\./\\.\\./(\\.\\./)*(http|app)(/|$)", message: "lib/services never imports lib/http or app/." },
        ],
      }],
    },
  },
  {
    // Validation schemas run in browsers too (client forms): zod, other validation files, and the campus clock only.
    files: ["lib/validation/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{
          // Allowed: zod, ./x (another validation file), @/lib/validation/x, and the pure time helpers lib/time and
          // lib/zoned-time (campus-local dates become instants inside some schemas).
          regex: "^(?!zod$|\\./[^/]+$|@/lib/validation/[^/]+$|@/lib/(time|zoned-time)$)",
          message: "lib/validation imports only zod, other validation files and the campus clock (lib/time, lib/zoned-time).",
        }],
      }],
    },
  },
  {
    // The database layer is the bottom of the server: it may use the foundation (lib/env, lib/time, lib/errors…)
    // but nothing above it.
    files: ["lib/db/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{
          // lib/auth/password: the seed hashes the first admin's password. Password hashing moves to lib/crypto/
          // (issue 16 §2, parallel work); drop this exception then.
          regex: "^(@/|(\\.\\./)+)(app|lib/(services|clients|http|jobs|outbox|validation|observability|auth(?!/password$)))(/|$)",
          message: "lib/db imports nothing above it (services, clients, http, auth, jobs, outbox, validation, app).",
        }, {
          regex: "^(\\.\\./)+(services|clients|http|jobs|outbox|validation|observability|auth)(/|$)",
          message: "lib/db imports nothing above it (services, clients, http, auth, jobs, outbox, validation, app).",
        }],
      }],
    },
  },
  {
    files: ["lib/db/**/*.ts", "lib/services/**/*.ts", "lib/clients/**/*.ts", "lib/http/**/*.ts", "lib/jobs/**/*.ts", "lib/outbox/**/*.ts"],
    ignores: TESTS,
    plugins: { local: serverOnlyPlugin },
    rules: { "local/require-server-only": "error" },
  },
]);
