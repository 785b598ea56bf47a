import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";

const h = (xff: string | null, peer: string | null) => {
  const headers = new Headers();
  if (xff !== null) headers.set("x-forwarded-for", xff);
  if (peer !== null) headers.set(PEER_HEADER, peer);
  return headers;
};

describe("clientAddress and TRUST_PROXY_HOPS", () => {
  it("0 hops: the socket peer, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(h("1.2.3.4", "203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(h("1.2.3.4, 5.6.7.8", "::ffff:203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(h(null, "203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("1 hop: the address the proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(h("6.6.6.6, 198.51.100.7", "10.0.0.2"), 1)).toBe("198.51.100.7");
    expect(clientAddress(h("198.51.100.7", "10.0.0.2"), 1)).toBe("198.51.100.7");
  });

  it("2 hops", () => {
    expect(clientAddress(h("6.6.6.6, 198.51.100.7, 10.0.0.3", "10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("fewer entries than hops: the furthest known address", () => {
    expect(clientAddress(h(null, "10.0.0.2"), 2)).toBe("10.0.0.2");
  });

  it("no socket peer (serverless): the platform's entry stands in for it", () => {
    expect(clientAddress(h("6.6.6.6, 198.51.100.7", null), 0)).toBe("198.51.100.7");
    expect(clientAddress(h(null, null), 0)).toBe("unknown");
  });
});
