import argon2 from "argon2";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// No timing oracle: an account without a password (WeCom-only admins), an unknown one and a wrong password all
// cost exactly one argon2 verification.
describe("verifyPassword", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["no password (null)", null],
    ["no account (undefined)", undefined],
    ["an empty hash", ""],
    ["a malformed hash", "not-a-hash"],
  ])("%s: false after one argon2 verify", async (_label, hash) => {
    await hashPassword("warm-up"); // the dummy hash may be created lazily; count only verifications
    const spy = vi.spyOn(argon2, "verify");
    expect(await verifyPassword(hash, "guess")).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("a real hash: true for the password, false otherwise, one verify each", async () => {
    const hash = await hashPassword("correct horse");
    const spy = vi.spyOn(argon2, "verify");
    expect(await verifyPassword(hash, "correct horse")).toBe(true);
    expect(await verifyPassword(hash, "wrong")).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
