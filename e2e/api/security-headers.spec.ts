// Security headers on every response, and sign-in with a stale or foreign session cookie (issue 11 §2.6, §2.12).
import { expect, request as pwRequest, test } from "@playwright/test";
import { SAME_ORIGIN, signInAsUser, WXWORK_UA } from "../helpers/auth";
import { APP_URL } from "../helpers/env";
import { runTag } from "../helpers/booking";

const EXPECTED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("every kind of response carries the security headers", async ({ request }) => {
  const html = await request.get("/meeting/signin");
  const css = (/href="(\/meeting\/_next\/static\/[^"]+\.css)"/.exec(await html.text()) ?? [])[1];
  const responses = {
    page: html,
    legacyJson: await request.get("/meeting/profile"),
    openApi: await request.post("/meeting/api/open/user/list"),
    redirect: await request.get("/meeting/my", { maxRedirects: 0 }),
    health: await request.get("/meeting/api/health"),
    cron: await request.get("/meeting/api/cron/maintenance"),
    errorPage: await request.get("/meeting/appointment/cancel/1", { maxRedirects: 0, headers: SAME_ORIGIN }),
    ...(css ? { staticAsset: await request.get(css) } : {}),
  };
  expect(css, "a stylesheet link on the page").toBeTruthy();
  for (const [kind, res] of Object.entries(responses)) {
    const h = res.headers();
    expect(h, kind).toMatchObject(EXPECTED);
    if (kind !== "staticAsset") expect(h["content-security-policy"], kind).toContain("frame-ancestors 'none'");
    // http in the tests: no HSTS (it is sent only when APP_URL is https).
    expect(h["strict-transport-security"], kind).toBeUndefined();
  }
});

test("a stale, corrupt or foreign session cookie never blocks WeCom sign-in", async () => {
  for (const [label, value] of [
    ["garbage", "not-a-session"],
    ["old secret", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiT0xEIn0..AAAA.BBBB.CCCC"],
    ["truncated", "eyJhbGciOiJkaXIi"],
  ] as const) {
    const host = new URL(APP_URL()).hostname;
    const jar = { name: "meeting.session", value, domain: host, path: "/meeting", httpOnly: true, secure: false, sameSite: "Lax" as const, expires: -1 };
    // Planted both at /meeting (ours) and at / (what another app on the host could set).
    const planted = await pwRequest.newContext({
      baseURL: APP_URL(),
      userAgent: WXWORK_UA,
      storageState: { cookies: [jar, { ...jar, path: "/" }], origins: [] },
    });
    const userid = `stale${runTag()}${label.length}`;
    await signInAsUser(planted, userid);
    const profile = await (await planted.get("/meeting/profile")).json();
    expect(profile, label).toMatchObject({ errcode: 0 });
    // The browser now holds one valid session cookie at /meeting.
    const cookies = (await planted.storageState()).cookies.filter((c) => c.name === "meeting.session" && c.path === "/meeting");
    expect(cookies, label).toHaveLength(1);
    expect(cookies[0].value, label).not.toBe(value);
    await planted.dispose();
  }
});
