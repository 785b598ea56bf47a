/** Legacy `/pages/<name>.html` → new page (paths under the /meeting base path). */
const LEGACY_PAGES = {
  index: "/",
  my: "/my",
  edit_info: "/my/profile",
  history: "/my/bookings",
  login: "/admin/login",
  dashboard: "/admin",
  welcome: "/admin",
  "user-list": "/admin/users",
  "admin-list": "/admin/admins",
  "admin-add": "/admin/admins",
  "admin-edit": "/admin/admins",
  "check-list": "/admin/review",
  property: "/admin/settings",
  rooms: "/admin/rooms",
  update_password: "/admin/account",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  basePath: "/meeting",
  // NEXT_OUTPUT=standalone (the Docker image, CI): a self-contained server in .next/standalone (server.js + the
  // node_modules it needs); `npm run build` then copies static files, public/ and the migrations into it. Off by
  // default so that `next start` (npm start, npm run demo) runs without Next's standalone warning.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // PGlite loads its wasm/data files relative to its own package; keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "sharp", "exceljs"],
  // Migrations are read from disk at first DB open; make sure serverless bundles carry them.
  outputFileTracingIncludes: { "/**": ["./drizzle/**"] },
  // Requests pass the middleware with at most this much body; the route adapters refuse anything over 6 MB
  // (lib/http/body-limit.ts) before buffering it, with the endpoint's own error.
  experimental: { proxyClientMaxBodySize: "7mb" },
  poweredByHeader: false,
  // Unknown paths (nothing else matched: fallback rewrites run after pages, routes and public files) asked for as
  // JSON — any /api path, or an Accept header without text/html — get a JSON 404 in the caller's envelope; browsers
  // get app/not-found.tsx. See lib/http/unknown-path.ts.
  async rewrites() {
    // (App Router route handlers do not see a rewrite's query, so the envelope is chosen by the destination path.)
    const toJson = "/api/unknown-path";
    return {
      beforeFiles: [],
      afterFiles: [],
      fallback: [
        { source: "/api/open/:path*", destination: "/api/unknown-path/open" },
        { source: "/api/:path*", destination: toJson },
        // Legacy JSON endpoints' neighbourhoods are API paths too, whatever the Accept header says.
        ...["appointment/cancel", "check", "profile", "server", "room/periods", "rooms", "avatar"].map((p) => ({ source: `/${p}/:path*`, destination: toJson })),
        { source: "/:path*", missing: [{ type: "header", key: "accept" }], destination: toJson },
        { source: "/:path*", has: [{ type: "header", key: "accept", value: "(?![\\s\\S]*text/html)[\\s\\S]*" }], destination: toJson },
      ],
    };
  },
  // Hashed static assets skip the middleware; they still carry the constant security headers.
  async headers() {
    return [
      {
        source: "/_next/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  async redirects() {
    return [
      { source: "/", destination: "/meeting/", basePath: false, permanent: false },
      // Old bookmarks of the legacy static pages (legacy-behaviour A1) land on their new pages.
      ...Object.entries(LEGACY_PAGES).map(([page, destination]) => ({ source: `/pages/${page}.html`, destination, permanent: true })),
      { source: "/pages/:rest*", destination: "/", permanent: false },
    ];
  },
};
export default nextConfig;
