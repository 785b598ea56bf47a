import { describe, expect, it } from "vitest";
import type { SessionAdmin } from "@/lib/auth/identity";
import { requireAdmin, requireCaller, requireSuper, requireSuperOrSelf } from ".";

const root: SessionAdmin = { id: 1, username: "admin", privileged: true };
const plain: SessionAdmin = { id: 2, username: "plain", privileged: false };
const codeOf = (f: () => void) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code: number }).code;
  }
};

describe("the rights checks of services", () => {
  it("1005 without an admin, 1006 for a plain admin where a super admin is needed", () => {
    expect([codeOf(() => requireAdmin(null)), codeOf(() => requireAdmin(plain))]).toEqual([1005, null]);
    expect([codeOf(() => requireSuper(undefined)), codeOf(() => requireSuper(plain)), codeOf(() => requireSuper(root))]).toEqual([1005, 1006, null]);
  });

  it("an admin acts on its own account; only a super admin on another's", () => {
    expect(codeOf(() => requireSuperOrSelf(null, 2))).toBe(1005);
    expect(codeOf(() => requireSuperOrSelf(plain, 2))).toBe(null);
    expect(codeOf(() => requireSuperOrSelf(plain, 1))).toBe(1006);
    expect(codeOf(() => requireSuperOrSelf(root, 2))).toBe(null);
  });

  it("a booking or series reader is a signed-in user or any admin (3001 otherwise)", () => {
    expect(codeOf(() => requireCaller({ user: null, admin: null }))).toBe(3001);
    expect(codeOf(() => requireCaller({ user: { id: 1, userid: "u" }, admin: null }))).toBe(null);
    expect(codeOf(() => requireCaller({ user: null, admin: plain }))).toBe(null);
  });
});
