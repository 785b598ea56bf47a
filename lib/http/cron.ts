import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { describeUnavailable, isDatabaseUnavailable, unavailableHeaders } from "./unavailable";

// Machine-to-machine entry points called by a scheduler (Vercel cron sends `Authorization: Bearer $CRON_SECRET`).
// Answers plain JSON, not a legacy envelope: no legacy client calls these.

/** Whether the request carries the configured cron secret. With CRON_SECRET unset every call is refused. */
export function isCronAuthorized(req: Request): boolean {
  const secret = env().CRON_SECRET;
  if (!secret) return false;
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer (.+)$/.exec(header.trim());
  if (!match) return false;
  // Equal-length digests make the comparison constant-time whatever was sent.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(secret));
}

export function cronRoute(handler: () => Promise<{ status?: number; body: object }>) {
  return async (req: Request) => {
    if (!isCronAuthorized(req)) {
      // The same answer whether or not CRON_SECRET is configured: anonymous callers learn nothing about the setup.
      if (!env().CRON_SECRET) console.warn("[meeting] cron call refused: CRON_SECRET is not configured");
      return NextResponse.json(
        { error: "unauthorized", reason: "missing or wrong bearer token" },
        { status: 401, headers: { "www-authenticate": "Bearer", "cache-control": "no-store" } },
      );
    }
    try {
      const { status, body } = await handler();
      return NextResponse.json(body, { status: status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (e) {
      if (isDatabaseUnavailable(e)) {
        console.error(`[meeting] cron ${new URL(req.url).pathname}: database unavailable (${describeUnavailable(e)})`);
        return NextResponse.json({ error: "database unavailable" }, { status: 503, headers: unavailableHeaders() });
      }
      console.error(`[meeting] cron ${new URL(req.url).pathname} failed:`, e);
      return NextResponse.json({ error: "internal error" }, { status: 500, headers: { "cache-control": "no-store" } });
    }
  };
}
