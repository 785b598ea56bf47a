import "server-only";
import { BlockList, isIP } from "node:net";

// Where an Open API subscriber may be called (issue 11 §2.1): public unicast addresses only, unless
// OPEN_API_ALLOW_PRIVATE_CALLBACKS=1. Checked on the address actually connected to (see push-callback.ts), so a
// DNS name that re-resolves to an internal address is refused too.

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local (ULA)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["fd00:ec2::254", 128], // AWS metadata over IPv6
] as const)
  blocked.addSubnet(net, bits, "ipv6");

/** Whether an IP address is one a subscriber callback must never reach. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1], "ipv4");
    if (/^64:ff9b::/i.test(address)) return true; // NAT64 of anything: refuse rather than decode
    return blocked.check(address, "ipv6");
  }
  return true; // not an address at all
}
