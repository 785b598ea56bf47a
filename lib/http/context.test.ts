import { describe, expect, it } from "vitest";
import { legacyChannel } from "./context";

const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("legacyChannel", () => {
  it("the console's own views are the console, with or without the base path in the URL", () => {
    expect(legacyChannel(req("http://localhost:3000/meeting/api/admin/rooms/6"))).toBe("console");
    expect(legacyChannel(req("http://localhost:3000/api/admin/audit"))).toBe("console");
  });

  it("a same-origin fetch from a console page is the console, from a user page the pages; anything else legacy", () => {
    const base = "http://localhost:3000";
    const from = (path: string, site = "same-origin") => ({ "sec-fetch-site": site, referer: `${base}${path}` });
    expect(legacyChannel(req(`${base}/meeting/check/approve`, from("/meeting/admin/review")))).toBe("console");
    expect(legacyChannel(req(`${base}/meeting/rooms/set`, from("/meeting/manage/settings/openApi")))).toBe("console");
    expect(legacyChannel(req(`${base}/meeting/appointment`, from("/meeting/appointment/3")))).toBe("page");
    expect(legacyChannel(req(`${base}/meeting/appointment`, from("/meeting")))).toBe("page");
    // Cross-site, no fetch metadata (scripts, apps, the old front end), a foreign or broken referer: the legacy API.
    expect(legacyChannel(req(`${base}/meeting/appointment`, from("/meeting/admin", "cross-site")))).toBe("legacy");
    expect(legacyChannel(req(`${base}/meeting/appointment`, { referer: `${base}/meeting/admin` }))).toBe("legacy");
    expect(legacyChannel(req(`${base}/meeting/appointment`, { "sec-fetch-site": "same-origin", referer: "http://evil.example/meeting/admin" }))).toBe("legacy");
    expect(legacyChannel(req(`${base}/meeting/appointment`, { "sec-fetch-site": "same-origin", referer: "::" }))).toBe("legacy");
    expect(legacyChannel(req(`${base}/meeting/appointment`, { "sec-fetch-site": "same-origin", referer: `${base}/elsewhere` }))).toBe("legacy");
  });
});

describe("displayAddress", () => {
  it("shows IPv4-mapped addresses as IPv4 and unknown as none", async () => {
    const { displayAddress } = await import("./context");
    expect(displayAddress("::ffff:10.2.3.4")).toBe("10.2.3.4");
    expect(displayAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(displayAddress("unknown")).toBeNull();
    expect(displayAddress(undefined)).toBeNull();
  });
});
