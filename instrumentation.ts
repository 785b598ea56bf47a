// Runs once when a Next.js server starts. Starts the self-hosted maintenance scheduler (lib/jobs/scheduler.ts) on the
// Node.js runtime only. NEXT_RUNTIME and NEXT_PHASE are read here rather than through lib/env because Next inlines
// them at build time: the import below is then dropped from the edge bundle, and a `next build` never starts a timer.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // The client address for throttling needs the TCP peer, which route handlers never see (lib/http/client-address.ts).
  const { stampPeerAddresses } = await import("./lib/http/stamp-peer-address");
  stampPeerAddresses();
  const { startScheduler } = await import("./lib/jobs/scheduler");
  try {
    startScheduler();
  } catch (e) {
    // A configuration error is reported by the first request too; the server should still come up.
    console.error("[meeting] maintenance scheduler not started:", e instanceof Error ? e.message : e);
  }
}
