import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db";
import { admins, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { asRequest, auditRows, errOf } from "@/lib/services/audit/testing/audit-rows";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { verifyAdminPassword } from "./verify-admin-password";

// Sign-ins (and their failures, which are not rolled back: they are what the trail is read for) and profile edits.

useTestDb();

beforeEach(async () => {
  const db = await getDb();
  await db.execute(sql`truncate audit_log, rate_limits restart identity`);
});

describe("sign-in audit", () => {
  it("a wrong admin password is recorded as a failed sign-in (committed, no password), a right one as signed in", async () => {
    const db = await getDb();
    const [a] = await db.insert(admins).values({ username: "signin-audit", passwordHash: await hashPassword("correct-horse-1"), privileged: false }).returning();
    expect(await errOf(asRequest("console", undefined, () => verifyAdminPassword("signin-audit", "wrong-guess-1", "198.51.100.7")))).toBe(1002);
    expect(await errOf(asRequest("legacy", undefined, () => verifyAdminPassword("nobody-here", "x-guess-22", "198.51.100.7")))).toBe(1002);
    await asRequest("console", undefined, () => verifyAdminPassword("signin-audit", "correct-horse-1", "198.51.100.7"));
    const failed = await auditRows({ action: "auth.admin_sign_in_failed" });
    expect(failed).toEqual([
      expect.objectContaining({ actorKind: "anonymous", objectId: String(a.id), channel: "console", clientAddress: "198.51.100.7", after: { username: "signin-audit", method: "password", reason: "wrong_password" } }),
      expect.objectContaining({ actorKind: "anonymous", objectId: null, channel: "legacy", after: { username: "nobody-here", method: "password", reason: "unknown_username" } }),
    ]);
    expect(JSON.stringify(failed)).not.toContain("guess");
    expect(await auditRows({ action: "auth.admin_signed_in" })).toEqual([
      expect.objectContaining({ actorKind: "admin", actorId: String(a.id), actorName: "signin-audit", after: { method: "password" } }),
    ]);
  });
});

describe("profile audit", () => {
  it("records only the fields that changed, as the user; an avatar that is not the person's own upload changes and records nothing", async () => {
    const db = await getDb();
    const [u] = await db.insert(users).values({ userid: "profile-audit", name: "钱同学", phone: "13800000001" }).returning();
    const actor = { kind: "user" as const, id: u.id, name: null };
    await asRequest("page", actor, () => updateProfile(u.id, { phone: "010-62781234" }));
    // The legacy profile page posts back whatever its <img> shows: anything but an own upload keeps the avatar.
    expect(await errOf(asRequest("page", actor, () => updateProfile(u.id, { avatar: "https://evil.example/x.png" })))).toBe(null);
    expect(await auditRows({ objectKind: "user" })).toEqual([
      expect.objectContaining({
        action: "profile.updated",
        actorKind: "user",
        actorName: "钱同学",
        channel: "page",
        objectId: String(u.id),
        before: { phone: "13800000001" },
        after: { phone: "010-62781234" },
      }),
    ]);
  });
});
