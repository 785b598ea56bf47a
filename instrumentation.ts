// Runs once when a Next.js server starts (next start, the standalone server.js of the Docker image, npm run demo):
// installs the request log and graceful shutdown, and starts the self-hosted maintenance scheduler
// (lib/jobs/scheduler.ts), on the Node.js runtime only. NEXT_RUNTIME and NEXT_PHASE are read here rather than through
// lib/env because Next inlines them at build time: the imports below are then dropped from the edge bundle, and a
// `next build` never starts a timer.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // The client address for throttling needs the TCP peer, which route handlers never see (lib/http/client-address.ts).
  const { stampPeerAddresses } = await import("./lib/http/stamp-peer-address");
  stampPeerAddresses();
  const { installRequestLog } = await import("./lib/observability/request-log");
  const { installShutdown } = await import("./lib/observability/shutdown");
  const { startScheduler, stopScheduler } = await import("./lib/jobs/scheduler");
  installRequestLog();
  installShutdown(stopScheduler);
  try {
    startScheduler();
  } catch (e) {
    // A configuration error is reported by the first request too; the server should still come up.
    console.error("[meeting] maintenance scheduler not started:", e instanceof Error ? e.message : e);
  }
}
