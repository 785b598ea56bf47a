import "server-only";
import { env } from "@/lib/env";

// The caller's network address, for throttling and the audit trail. X-Forwarded-For is trusted exactly as far as
// TRUST_PROXY_HOPS says:
// * 0 (default): the TCP peer, whatever X-Forwarded-For claims. `next start` never exposes the socket to route
//   handlers, and it fills X-Forwarded-For with the peer only when the request has none (`??=` in Next's
//   base-server), so a client could otherwise name any address. The server therefore stamps the peer on every
//   request in a header of its own (PEER_HEADER, set in instrumentation.ts, overwriting anything the client sent).
// * n ≥ 1: n proxies in front each append the address they saw; the client is the n-th address from the right of
//   X-Forwarded-For followed by the peer (the nearest proxy). Entries further left were written by the client.
// Where the peer is unknown (a platform without a Node socket, e.g. serverless), the last X-Forwarded-For entry
// stands in for it: that is what the platform's own proxy appended.

export const PEER_HEADER = "x-meeting-peer-address";

export function clientAddress(headers: Headers, hops: number = env().TRUST_PROXY_HOPS): string {
  const xff = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const peer = headers.get(PEER_HEADER)?.trim();
  const chain = peer ? [...xff, peer] : xff;
  if (chain.length === 0) return "unknown";
  const at = Math.max(0, chain.length - 1 - hops);
  return normalise(chain[at]);
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4, so one client has one key. */
const normalise = (a: string) => a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 64);
