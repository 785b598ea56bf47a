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
  // PGlite loads its wasm/data files relative to its own package; keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "sharp", "exceljs"],
  // Migrations are read from disk at first DB open; make sure serverless bundles carry them.
  outputFileTracingIncludes: { "/**": ["./drizzle/**"] },
  // Requests pass the middleware with at most this much body; the route adapters refuse anything over 6 MB
  // (lib/http/body-limit.ts) before buffering it, with the endpoint's own error.
  experimental: { proxyClientMaxBodySize: "7mb" },
  poweredByHeader: false,
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
