import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { authConfig, sessionCookieName } from "./auth.config";

describe("session cookie and token", () => {
  afterEach(() => {
    process.env.APP_URL = "http://localhost:3000";
    resetEnvForTests();
  });

  it("is httpOnly, SameSite=Lax, scoped to /meeting, and Secure (with the __Secure- prefix) under https", () => {
    expect(authConfig().cookies?.sessionToken).toEqual({
      name: "meeting.session",
      options: { httpOnly: true, sameSite: "lax", path: "/meeting", secure: false },
    });
    process.env.APP_URL = "https://rooms.example.edu";
    resetEnvForTests();
    expect(sessionCookieName()).toBe("__Secure-meeting.session");
    expect(authConfig().cookies?.sessionToken?.options).toMatchObject({ secure: true, path: "/meeting" });
  });

  it("starts a fresh token at sign-in carrying both identities, and logout drops only the admin", async () => {
    const jwt = authConfig().callbacks!.jwt!;
    const user = { id: 7, userid: "zhangsan" };
    const admin = { id: 1, username: "admin", privileged: true, sv: 3 };
    const signedIn = await jwt({ token: { sub: "x", name: "stale" }, user: { identity: { user, admin } }, trigger: "signIn" } as never);
    expect(signedIn).toEqual({ u: user, a: admin });
    expect(await jwt({ token: signedIn!, trigger: "update", session: { dropAdmin: true } } as never)).toEqual({ u: user });
    // Nothing left: the cookie goes away.
    expect(await jwt({ token: { a: admin }, trigger: "update", session: { dropAdmin: true } } as never)).toBeNull();
    // Reading a session changes nothing.
    expect(await jwt({ token: signedIn! } as never)).toEqual(signedIn);
  });
});
