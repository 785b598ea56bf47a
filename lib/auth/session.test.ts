import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { useTestDb } from "@/lib/db/testing";
import { provisionWecomUser } from "@/lib/services/auth/provision-wecom-user";
import { addOapiUser } from "@/lib/services/users/add-oapi-user";
import { removeOapiUser } from "@/lib/services/users/remove-oapi-user";
import { updateOapiUser } from "@/lib/services/users/update-oapi-user";
import { authSecret } from "@/lib/env";
import { sessionCookieName } from "./auth.config";
import { getSessionUser } from "./session";
import { decodeSessionToken } from "./session-token";

// The session user is re-read from the database on every request (issue 11 §2.4): removed or disabled users lose
// their session at once and cannot sign in again. The cookie is decoded without Auth.js's session action.

useTestDb();

const seal = (token: Record<string, unknown>, secret = authSecret()) =>
  encode({ token, secret, salt: sessionCookieName(), maxAge: 3600 });
const requestWith = (cookie: string) =>
  new Request("http://localhost/meeting/profile", { headers: { cookie: `${sessionCookieName()}=${encodeURIComponent(cookie)}` } });

async function newUser(account: string) {
  const u = await addOapiUser({ name: account, account });
  // The session user carries the name as the database has it (the audit trail names the actor without a lookup).
  return { id: Number(u.id), userid: account, name: account };
}

describe("session cookie decoding", () => {
  it("reads a cookie Auth.js sealed", async () => {
    const t = await decodeSessionToken(await seal({ u: { id: 7, userid: "x" } }));
    expect(t?.u).toEqual({ id: 7, userid: "x" });
  });

  it.each([
    ["sealed with an old secret", async () => seal({ u: { id: 7, userid: "x" } }, "an-old-secret-an-old-secret-an-old-secret")],
    ["corrupted", async () => (await seal({ u: { id: 7, userid: "x" } })).slice(0, -5) + "AAAAA"],
    ["garbage", async () => "not.a.jwe.at.all"],
    ["expired", async () => encode({ token: { u: { id: 7, userid: "x" } }, secret: authSecret(), salt: sessionCookieName(), maxAge: -60 })],
  ])("%s: no session, no error", async (_label, make) => {
    expect(await decodeSessionToken(await make())).toBeNull();
  });

  it("a cookie verified before is still refused once it expires, and callers cannot change what the next one reads", async () => {
    const raw = await encode({ token: { u: { id: 8, userid: "y" } }, secret: authSecret(), salt: sessionCookieName(), maxAge: 30 });
    const first = await decodeSessionToken(raw);
    expect(first?.u).toEqual({ id: 8, userid: "y" });
    first!.u!.id = 999;
    expect((await decodeSessionToken(raw))?.u).toEqual({ id: 8, userid: "y" });
    vi.useFakeTimers({ now: Date.now() + 60_000, toFake: ["Date"] });
    try {
      expect(await decodeSessionToken(raw)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("getSessionUser", () => {
  it("a removed user's session ends at once", async () => {
    const u = await newUser("gone-user");
    const cookie = await seal({ u });
    expect(await getSessionUser(requestWith(cookie))).toEqual(u);
    await removeOapiUser(u.id);
    expect(await getSessionUser(requestWith(cookie))).toBeNull();
  });

  it("a disabled user's session ends at once and comes back when enabled", async () => {
    const u = await newUser("paused-user");
    const cookie = await seal({ u });
    await updateOapiUser(u.id, { status: 0 });
    expect(await getSessionUser(requestWith(cookie))).toBeNull();
    await updateOapiUser(u.id, { status: 1 });
    expect(await getSessionUser(requestWith(cookie))).toEqual(u);
  });

  it("a token naming another userid than the row is no session", async () => {
    const u = await newUser("real-owner");
    expect(await getSessionUser(requestWith(await seal({ u: { id: u.id, userid: "someone-else" } })))).toBeNull();
  });

  it("is read once per request", async () => {
    const u = await newUser("memo-user");
    const req = requestWith(await seal({ u }));
    expect(await getSessionUser(req)).toEqual(u);
    await removeOapiUser(u.id);
    expect(await getSessionUser(req)).toEqual(u); // the same request keeps its answer
    expect(await getSessionUser(requestWith(await seal({ u })))).toBeNull(); // the next request sees the change
  });
});

describe("sign-in of removed or disabled users", () => {
  it("is refused with 3002", async () => {
    const removed = await newUser("removed-signin");
    await removeOapiUser(removed.id);
    await expect(provisionWecomUser("removed-signin")).rejects.toMatchObject({ code: 3002 });
    const disabled = await newUser("disabled-signin");
    await updateOapiUser(disabled.id, { status: 0 });
    await expect(provisionWecomUser("disabled-signin")).rejects.toMatchObject({ code: 3002 });
  });
});
