/** @type {import('next').NextConfig} */
const nextConfig = {
  basePath: "/meeting",
  // PGlite loads its wasm/data files relative to its own package; keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "sharp", "exceljs"],
  // Migrations are read from disk at first DB open; make sure serverless bundles carry them.
  outputFileTracingIncludes: { "/**": ["./drizzle/**"] },
  experimental: { proxyClientMaxBodySize: "20mb" },
  poweredByHeader: false,
  async redirects() {
    return [{ source: "/", destination: "/meeting/", basePath: false, permanent: false }];
  },
};
export default nextConfig;
