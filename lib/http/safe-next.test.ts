import { describe, expect, it } from "vitest";
import { safeNext } from "./login-state";

describe("safeNext: only paths under /meeting, never another host", () => {
  it.each([
    "/meeting/../..//evil.com",
    "/meeting/..//evil.com",
    "/meeting/%2e%2e//evil.com",
    "/meeting/./../../evil.com",
    "//evil.com/meeting",
    "/meeting\\\\evil.com",
    "https://evil.com/meeting",
    "/meetingevil",
    "/meeting/\t/evil.com",
    "/other",
  ])("%s → the fallback or a path under /meeting", (input) => {
    const out = safeNext(input);
    expect(out.startsWith("//")).toBe(false);
    expect(out === "/meeting" || out.startsWith("/meeting/") || out.startsWith("/meeting?")).toBe(true);
    expect(new URL(out, "https://app.example").host).toBe("app.example");
  });

  it("keeps the app's own paths and queries", () => {
    expect(safeNext("/meeting/my/bookings?page=2")).toBe("/meeting/my/bookings?page=2");
    expect(safeNext("/meeting")).toBe("/meeting");
    expect(safeNext("/meeting?x=1")).toBe("/meeting?x=1");
    expect(safeNext("/meeting//room/1/2026-01-01")).toBe("/meeting/room/1/2026-01-01");
  });

  it("resolves dot segments that stay inside /meeting", () => {
    expect(safeNext("/meeting/a/../my")).toBe("/meeting/my");
    expect(safeNext("/meeting/../meeting/my")).toBe("/meeting/my");
  });
});
