import { describe, expect, it } from "vitest";
import { GET as logout } from "@/app/logout/route";
import { assertSameOriginNavigation } from "@/lib/http/legacy";

// State-changing GETs need proof that the request comes from our own pages (issue 11 §2.5).

const req = (headers: Record<string, string>) => new Request("http://localhost:3000/meeting/rooms/set", { headers });
const code = (h: Record<string, string>) => {
  try {
    assertSameOriginNavigation(req(h));
    return 0;
  } catch (e) {
    return (e as { code: number }).code;
  }
};

describe("assertSameOriginNavigation", () => {
  it("accepts our own pages", () => {
    expect(code({ "sec-fetch-site": "same-origin" })).toBe(0);
    expect(code({ origin: "http://localhost:3000" })).toBe(0);
    expect(code({ referer: "http://localhost:3000/meeting/admin/rooms" })).toBe(0); // legacy front end, no fetch metadata
  });

  it("refuses everything else with 4005", () => {
    const cases: Record<string, string>[] = [
      {},
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "none" },
      { "sec-fetch-site": "cross-site", referer: "http://localhost:3000/meeting" },
      { origin: "https://evil.example" },
      { origin: "null", referer: "http://localhost:3000/meeting" },
      { referer: "https://evil.example/meeting" },
      { referer: "not a url" },
    ];
    for (const h of cases) expect(code(h), JSON.stringify(h)).toBe(4005);
  });

  it("GET /logout from another site is refused without signing anyone out", async () => {
    const res = await logout(new Request("http://localhost:3000/meeting/logout", { headers: { "sec-fetch-site": "cross-site" } }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-errcode="4005"');
  });
});
