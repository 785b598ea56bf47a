// The Node side of Auth.js: the edge-safe config plus the sign-in providers, which use the database and WeCom.
// Each provider proves one identity and returns it merged with the identity the browser already holds, so a WeCom
// user and an admin can share one browser (legacy §4.1). Auth.js's HTTP endpoints are deliberately not mounted:
// sign-in only happens through our legacy routes (which throttle and check state), calling `establishSession`.
import "server-only";
import NextAuth, { AuthError, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { signInAdminByWecom } from "@/lib/services/auth/sign-in-admin-by-wecom";
import { signInDemoUser } from "@/lib/services/auth/sign-in-demo-user";
import { signInWecomUser } from "@/lib/services/auth/sign-in-wecom-user";
import { verifyAdminPassword } from "@/lib/services/auth/verify-admin-password";
import { cookies } from "next/headers";
import { authConfig } from "./auth.config";
import { KNOWN_DEVICE_COOKIE, knownDeviceAdminId, knownDeviceCookieOptions, knownDeviceValue } from "./known-device";
import { sessionTokenOf } from "./session-token";
import type { Identity } from "./identity";

/**
 * The identity in the request's current session cookie: none when it is absent, expired, corrupt or sealed with
 * another secret (a stale or planted cookie never gets in the way of signing in; the new cookie replaces it).
 */
async function currentIdentity(req: Request): Promise<Identity> {
  const token = await sessionTokenOf(req.headers.get("cookie"));
  return { user: token?.u, admin: token?.a };
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

const withIdentity = async (req: Request, change: Identity): Promise<User> => ({
  id: "session",
  identity: { ...(await currentIdentity(req)), ...change },
});

export const { auth, signIn, unstable_update } = NextAuth(() => ({
  ...authConfig(),
  providers: [
    Credentials({
      id: "wecom",
      credentials: { code: {} },
      authorize: async (c, req) => withIdentity(req, { user: await signInWecomUser(str(c.code)) }),
    }),
    Credentials({
      id: "demo-user",
      credentials: { userid: {} },
      authorize: async (c, req) => withIdentity(req, { user: await signInDemoUser(str(c.userid)) }),
    }),
    Credentials({
      id: "admin-password",
      credentials: { username: {}, password: {} },
      authorize: async (c, req) => {
        const client = { address: clientAddress(req.headers), knownAdminId: knownDeviceAdminId(req.headers.get("cookie")) };
        const admin = await verifyAdminPassword(str(c.username), str(c.password), client);
        // This browser is now a known device of this admin: failures elsewhere cannot lock it out.
        (await cookies()).set(KNOWN_DEVICE_COOKIE, knownDeviceValue(admin.id), knownDeviceCookieOptions());
        return withIdentity(req, { admin });
      },
    }),
    Credentials({
      id: "admin-wecom",
      credentials: { code: {} },
      authorize: async (c, req) => withIdentity(req, { admin: await signInAdminByWecom(str(c.code)) }),
    }),
  ],
}));

export type SignInProvider = "wecom" | "demo-user" | "admin-password" | "admin-wecom";

/**
 * Runs a provider and, on success, sets the new session cookie on the current response (route handlers only).
 * A refusal comes back as the AppError the service threw.
 */
export async function establishSession(provider: SignInProvider, fields: Record<string, string>): Promise<void> {
  try {
    await signIn(provider, { ...fields, redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      const cause = (e.cause as { err?: unknown } | undefined)?.err;
      if (cause instanceof AppError) throw cause;
      if (cause instanceof Error) throw cause;
    }
    throw e;
  }
}

/** Ends the admin identity of this browser and keeps its WeCom user identity (legacy /logout, /admin/password). */
export async function dropAdminIdentity(): Promise<void> {
  await unstable_update({ dropAdmin: true } as never);
}
