// Sign-in helpers for e2e tests. Both accept a Page (the browser context's cookies are used), a BrowserContext, or an
// APIRequestContext (the `request` fixture or `playwright.request.newContext()`): the session cookie lands there.
import { expect, type APIRequestContext, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import type { FakeUser } from "../fakes/wecom-server";
import { fakeWecom } from "./wecom";

type Target = Page | BrowserContext | APIRequestContext;

/** A User-Agent of the WeCom client: sign-in then goes straight to the OAuth authorize redirect. */
export const WXWORK_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh";

function requestOf(t: Target): APIRequestContext {
  if ("goto" in t) return t.context().request;
  if ("newPage" in t) return t.request;
  return t;
}

export interface SignInUserOptions extends Omit<FakeUser, "userid"> {
  /** Where to land afterwards (default /meeting, the home page). */
  next?: string;
}

/**
 * Signs in a WeCom member through the real flow against the fake WeCom (start → authorize → /meeting/auth?code&state),
 * creating the user in the app on first sign-in. Profile fields given in `opts` replace the member's directory entry
 * (and so refresh name/department in the app); without them an unknown userid is added with name = userid.
 * Returns the final response (the `next` page).
 */
export async function signInAsUser(target: Target, userid: string, opts: SignInUserOptions = {}): Promise<APIResponse> {
  const { next = "/meeting", ...profile } = opts;
  if (Object.keys(profile).length > 0) await fakeWecom.addUser({ userid, ...profile });
  else await fakeWecom.ensureUser({ userid, name: userid });
  await fakeWecom.actAs({ userid });
  const res = await requestOf(target).get(`/meeting/auth/start?via=oauth&next=${encodeURIComponent(next)}`, {
    headers: { "user-agent": WXWORK_UA },
  });
  expect(res.status(), `sign-in of ${userid} ended at ${res.url()}`).toBeLessThan(400);
  expect(new URL(res.url()).pathname, `sign-in of ${userid} did not reach ${next}`).toBe(new URL(next, "http://x").pathname);
  return res;
}

/** Password sign-in of an admin (legacy POST /meeting/login); expects success. */
export async function signInAsAdmin(target: Target, username: string, password: string): Promise<void> {
  const res = await requestOf(target).post("/meeting/login", { form: { username, password } });
  const body = await res.json();
  expect(body, `admin sign-in of ${username}`).toEqual({ errcode: 0, errmsg: "登录成功" });
}

/**
 * What a browser sends with a navigation or fetch from one of our own pages. State-changing GETs (/logout,
 * /appointment/cancel/{id}, /rooms/set) require it.
 */
export const SAME_ORIGIN = { "sec-fetch-site": "same-origin" } as const;

/** Ends the admin identity only (legacy GET /meeting/logout); a WeCom user identity in the same browser stays. */
export async function signOutAdmin(target: Target): Promise<void> {
  await requestOf(target).get("/meeting/logout", { maxRedirects: 0, headers: SAME_ORIGIN });
}
