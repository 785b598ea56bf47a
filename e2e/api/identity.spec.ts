// Sign-in, sessions and the edge gate over HTTP, against the fake WeCom (issue 3).
import { createHash, randomBytes } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { expect, request as pwRequest, test, type APIRequestContext } from "@playwright/test";
import { signInAsAdmin, signInAsUser, WXWORK_UA } from "../helpers/auth";
import { ADMIN_PASSWORD, APP_URL, serverEnv } from "../helpers/env";
import { fakeWecom } from "../helpers/wecom";

const COOKIE = "meeting.session";

async function newContext(extra: { userAgent?: string; address?: string } = {}) {
  return pwRequest.newContext({
    baseURL: APP_URL(),
    userAgent: extra.userAgent,
    // Each test that fails sign-ins on purpose uses its own client address, so the per-address throttle of one test
    // never locks out the admin sign-ins of others.
    extraHTTPHeaders: extra.address ? { "x-forwarded-for": extra.address } : undefined,
  });
}

const randomAddress = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

async function me(ctx: APIRequestContext) {
  const res = await ctx.get("/meeting/api/me");
  return (await res.json()) as { user: { id: number; userid: string } | null; admin: { id: number; username: string; privileged: boolean } | null };
}

async function sessionCookie(ctx: APIRequestContext) {
  return (await ctx.storageState()).cookies.find((c) => c.name === COOKIE);
}

/** Follows one redirect by hand and returns the Location. */
async function hop(ctx: APIRequestContext, url: string, headers?: Record<string, string>) {
  const res = await ctx.get(url, { maxRedirects: 0, headers });
  expect(res.status(), `${url} should redirect`).toBe(302);
  return new URL(res.headers()["location"], APP_URL()).toString();
}

test.describe("WeCom user sign-in", () => {
  test("in the WeCom client: authorize URL, state bound to the browser, callback, back to the wanted page", async () => {
    const ctx = await newContext({ userAgent: WXWORK_UA });
    await fakeWecom.addUser({ userid: "wxflow01", name: "流程甲" });
    await fakeWecom.actAs({ userid: "wxflow01" });

    // An anonymous user page starts sign-in, keeping the wanted URL.
    const start = await hop(ctx, "/meeting/my/bookings?tab=2");
    expect(start).toBe(`${APP_URL()}/meeting/auth/start?next=${encodeURIComponent("/meeting/my/bookings?tab=2")}`);

    const authorize = new URL(await hop(ctx, start));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${serverEnv("WECOM_OAUTH_BASE")}/connect/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      appid: serverEnv("WECOM_CORP_ID"),
      redirect_uri: `${APP_URL()}/meeting/auth`,
      response_type: "code",
      scope: "snsapi_base",
      state: expect.stringMatching(/^[a-f0-9]{32}$/),
      agentid: serverEnv("WECOM_AGENT_ID"),
    });
    expect(authorize.hash).toBe("#wechat_redirect");

    const callback = new URL(await hop(ctx, authorize.toString().replace(/#.*$/, "")));
    expect(callback.pathname).toBe("/meeting/auth");
    expect(callback.searchParams.get("state")).toBe(authorize.searchParams.get("state"));

    expect(await sessionCookie(ctx)).toBeUndefined();
    const landing = await hop(ctx, callback.toString());
    expect(landing).toBe(`${APP_URL()}/meeting/my/bookings?tab=2`);

    const cookie = await sessionCookie(ctx);
    expect(cookie).toMatchObject({ path: "/meeting", httpOnly: true, sameSite: "Lax", secure: false });
    expect((await me(ctx)).user).toMatchObject({ userid: "wxflow01" });
    // The user page is no longer redirected.
    const page = await ctx.get("/meeting/my/bookings?tab=2", { maxRedirects: 0 });
    expect(page.status()).not.toBe(302);
    await ctx.dispose();
  });

  test("a browser outside WeCom gets the sign-in page offering WeCom web login with the same callback", async () => {
    const ctx = await newContext();
    const start = await hop(ctx, "/meeting");
    const signin = await hop(ctx, start);
    expect(signin).toBe(`${APP_URL()}/meeting/signin?next=${encodeURIComponent("/meeting")}`);
    const html = await (await ctx.get(signin)).text();
    expect(html).toContain("企业微信扫码登录");
    expect(html).not.toContain("演示登录"); // DEMO_LOGIN is off in the e2e server

    const web = new URL(await hop(ctx, "/meeting/auth/start?via=web&next=/meeting"));
    expect(`${web.origin}${web.pathname}`).toBe(`${serverEnv("WECOM_SSO_BASE")}/wwlogin/sso/login`);
    expect(web.searchParams.get("login_type")).toBe("CorpApp");
    expect(web.searchParams.get("redirect_uri")).toBe(`${APP_URL()}/meeting/auth`);
    await fakeWecom.actAs({ userid: "zhangsan" });
    const landing = await hop(ctx, await hop(ctx, web.toString()));
    expect(landing).toBe(`${APP_URL()}/meeting`);
    expect((await me(ctx)).user).toMatchObject({ userid: "zhangsan" });
    await ctx.dispose();
  });

  test("a state this browser did not start restarts sign-in once and signs nobody in", async () => {
    const ctx = await newContext({ userAgent: WXWORK_UA });
    const code = await fakeWecom.mintCode({ userid: "zhangsan" });
    const before = (await fakeWecom.counts())["/cgi-bin/auth/getuserinfo"] ?? 0;

    // No state cookie at all (a home URL configured in the WeCom console): restart with a fresh state.
    const restart = await hop(ctx, `/meeting/auth?code=${code}&state=STATE`);
    expect(restart).toMatch(/\/meeting\/auth\/start\?.*restarted=1/);
    expect(await sessionCookie(ctx)).toBeUndefined();

    // The restarted attempt gets its own state; presenting another one again ends on the 3001 page.
    const authorize = new URL(await hop(ctx, restart));
    expect(authorize.searchParams.get("state")).toMatch(/^[a-f0-9]{32}$/);
    const second = await ctx.get(`/meeting/auth?code=${code}&state=forged`, { maxRedirects: 0 });
    expect(second.status()).toBe(200);
    const html = await second.text();
    expect(html).toContain('data-errcode="3001"');
    expect(html).toContain("请在企业微信客户端打开链接");

    expect(await sessionCookie(ctx)).toBeUndefined();
    expect((await me(ctx)).user).toBeNull();
    // The code was never exchanged.
    expect((await fakeWecom.counts())["/cgi-bin/auth/getuserinfo"] ?? 0).toBe(before);
    await ctx.dispose();
  });

  test("a replayed code signs nobody in", async () => {
    // First use, by its rightful owner.
    const owner = await newContext({ userAgent: WXWORK_UA });
    await fakeWecom.actAs({ userid: "zhangsan" });
    const authorize = await hop(owner, "/meeting/auth/start?next=/meeting");
    const callback = await hop(owner, authorize);
    const code = new URL(callback).searchParams.get("code")!;
    expect(await hop(owner, callback)).toBe(`${APP_URL()}/meeting`);

    // Someone else replays it with a state of their own.
    const thief = await newContext({ userAgent: WXWORK_UA });
    await fakeWecom.actAs({ deny: true });
    const theirs = new URL(await hop(thief, "/meeting/auth/start?next=/meeting"));
    const res = await thief.get(`/meeting/auth?code=${code}&state=${theirs.searchParams.get("state")}`, { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('data-errcode="3001"');
    expect(await sessionCookie(thief)).toBeUndefined();
    expect((await me(thief)).user).toBeNull();
    await owner.dispose();
    await thief.dispose();
  });

  test("a WeCom user who is not a member of the corp is refused (3002)", async () => {
    const ctx = await newContext({ userAgent: WXWORK_UA });
    await fakeWecom.actAs({ openid: "o-wechat-visitor" });
    const callback = await hop(ctx, await hop(ctx, "/meeting/auth/start?next=/meeting"));
    const res = await ctx.get(callback, { maxRedirects: 0 });
    const html = await res.text();
    expect(html).toContain('data-errcode="3002"');
    expect(html).toContain("非企业成员");
    expect((await me(ctx)).user).toBeNull();
    await ctx.dispose();
  });

  test("a member WeCom will not describe is refused on first sign-in (1001)", async () => {
    const ctx = await newContext({ userAgent: WXWORK_UA });
    await fakeWecom.actAs({ userid: "ghost-member-01" }); // not in the fake's directory: user/get answers 60111
    const callback = await hop(ctx, await hop(ctx, "/meeting/auth/start?next=/meeting"));
    const html = await (await ctx.get(callback, { maxRedirects: 0 })).text();
    expect(html).toContain('data-errcode="1001"');
    expect(html).toContain("获取企业内用户信息失败");
    expect((await me(ctx)).user).toBeNull();
    await ctx.dispose();
  });

  test("/index and /index.html: home page when signed in, sign-in otherwise", async () => {
    const anon = await newContext();
    for (const path of ["/meeting/index", "/meeting/index.html"]) {
      expect(await hop(anon, path)).toBe(`${APP_URL()}/meeting/auth/start?next=${encodeURIComponent("/meeting")}`);
    }
    const user = await newContext();
    await signInAsUser(user, "zhangsan");
    for (const path of ["/meeting/index", "/meeting/index.html"]) expect(await hop(user, path)).toBe(`${APP_URL()}/meeting`);
    await anon.dispose();
    await user.dispose();
  });
});

test.describe("sessions", () => {
  test("forged, tampered and expired cookies count as no session", async () => {
    const ctx = await newContext();
    await signInAsUser(ctx, "zhangsan");
    await signInAsAdmin(ctx, "admin", ADMIN_PASSWORD());
    const good = (await sessionCookie(ctx))!.value;
    expect(await me(ctx)).toMatchObject({ user: { userid: "zhangsan" }, admin: { username: "admin" } });

    const secret = serverEnv("AUTH_SECRET");
    const claims = { u: { id: 1, userid: "zhangsan" }, a: { id: 1, username: "admin", privileged: true, sv: 1 } };
    const variants: Record<string, string> = {
      garbage: "not-a-token",
      tampered: good.slice(0, -6) + (good.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"),
      "other secret": await encode({ token: claims, secret: "some-other-secret-some-other-secret-0000", salt: COOKIE }),
      "other salt": await encode({ token: claims, secret, salt: "authjs.session-token" }),
      expired: await encode({ token: claims, secret, salt: COOKIE, maxAge: -60 }),
    };
    for (const [what, value] of Object.entries(variants)) {
      const forged = await pwRequest.newContext({ baseURL: APP_URL(), extraHTTPHeaders: { cookie: `${COOKIE}=${value}` } });
      expect(await me(forged), what).toMatchObject({ user: null, admin: null });
      expect(await hop(forged, "/meeting/admin"), what).toMatch(/\/meeting\/admin\/login/);
      expect((await forged.post("/meeting/admin/password", { form: { password: "whatever-123" } }).then((r) => r.json())).errcode, what).toBe(1005);
      await forged.dispose();
    }
    // Control: the real user's claims with the right secret and salt are accepted (so the refusals above are about
    // the cookie; the user named must also exist as such in the database, which re-reads it on every request).
    const real = (await decode({ token: good, secret, salt: COOKIE }))!.u;
    const valid = await pwRequest.newContext({
      baseURL: APP_URL(),
      extraHTTPHeaders: { cookie: `${COOKIE}=${await encode({ token: { u: real }, secret, salt: COOKIE })}` },
    });
    expect((await me(valid)).user).toMatchObject({ userid: "zhangsan" });
    await valid.dispose();
    await ctx.dispose();
  });

  test("the session cookie is rotated at every sign-in, and one browser holds a user and an admin at once", async () => {
    const ctx = await newContext();
    await signInAsUser(ctx, "zhangsan");
    const first = (await sessionCookie(ctx))!.value;
    await signInAsAdmin(ctx, "admin", ADMIN_PASSWORD());
    const second = (await sessionCookie(ctx))!.value;
    expect(second).not.toBe(first);
    expect(await me(ctx)).toMatchObject({ user: { userid: "zhangsan" }, admin: { username: "admin", privileged: true } });

    // The sign-in pages send someone already signed in on to where they wanted to go.
    const signin = await ctx.get("/meeting/signin?next=%2Fmeeting%2Fmy", { maxRedirects: 0 });
    expect(signin.status()).toBe(307);
    expect(new URL(signin.headers()["location"], APP_URL()).pathname).toBe("/meeting/my");
    const adminLogin = await ctx.get("/meeting/admin/login?next=%2Fmeeting%2Fadmin%2Freview", { maxRedirects: 0 });
    expect(new URL(adminLogin.headers()["location"], APP_URL()).pathname).toBe("/meeting/admin/review");

    // Signing in as another user keeps the admin; logout ends only the admin.
    await signInAsUser(ctx, "2020000001");
    expect(await me(ctx)).toMatchObject({ user: { userid: "2020000001" }, admin: { username: "admin" } });
    expect(await hop(ctx, "/meeting/logout", { referer: `${APP_URL()}/meeting/admin` })).toBe(`${APP_URL()}/meeting/admin/login`);
    expect(await me(ctx)).toMatchObject({ user: { userid: "2020000001" }, admin: null });
    await ctx.dispose();
  });
});

test.describe("admin password sign-in", () => {
  test("success and failure answers (legacy POST /login)", async () => {
    const ctx = await newContext({ address: randomAddress() });
    const login = (form: Record<string, string>) => ctx.post("/meeting/login", { form }).then((r) => r.json());
    expect(await login({ username: "admin", password: "wrong-password" })).toEqual({ errcode: 1002, errmsg: "管理员用户名或密码错误" });
    expect(await login({ username: "nobody-here", password: "x" })).toEqual({ errcode: 1002, errmsg: "管理员用户名或密码错误" });
    expect(await login({})).toEqual({ errcode: 1002, errmsg: "管理员用户名或密码错误" });
    expect((await me(ctx)).admin).toBeNull();
    // Username case does not matter (legacy MySQL collation); the password does.
    expect(await login({ username: "ADMIN", password: ADMIN_PASSWORD() })).toEqual({ errcode: 0, errmsg: "登录成功" });
    expect((await me(ctx)).admin).toMatchObject({ username: "admin", privileged: true });
    // A cross-site form post cannot sign anyone in.
    const cross = await ctx.post("/meeting/login", { form: { username: "admin", password: ADMIN_PASSWORD() }, headers: { origin: "https://evil.example" } });
    expect((await cross.json()).errcode).toBe(4005);
    await ctx.dispose();
  });

  test("3 failures of one username from one client, then a wait even with the right password; other clients unaffected", async () => {
    const ctx = await newContext({ address: randomAddress() });
    const login = (username: string, password: string) => ctx.post("/meeting/login", { form: { username, password } }).then((r) => r.json());
    for (let i = 0; i < 3; i++) expect((await login("admin", `wrong-${i}`)).errcode).toBe(1002);
    expect(await login("admin", ADMIN_PASSWORD())).toEqual({ errcode: 4003, errmsg: "操作频繁" });
    expect((await me(ctx)).admin).toBeNull();
    await ctx.dispose();
    // The real admin, elsewhere, is not locked out by someone else's failures.
    const owner = await newContext({ address: randomAddress() });
    expect(await owner.post("/meeting/login", { form: { username: "admin", password: ADMIN_PASSWORD() } }).then((r) => r.json())).toEqual({ errcode: 0, errmsg: "登录成功" });
    // …and the browser is now a known device (signed, httpOnly) for the global per-username ceiling.
    const known = (await owner.storageState()).cookies.find((c) => c.name === "meeting.known-admin");
    expect(known).toMatchObject({ httpOnly: true, path: "/meeting" });
    expect(known!.value).toMatch(/^\d+\.\d+\.[A-Za-z0-9_-]{43}$/);
    await owner.dispose();
  });

  test("X-Forwarded-For is trusted only as far as TRUST_PROXY_HOPS: a forged earlier entry does not change the client", async () => {
    // The e2e server runs with TRUST_PROXY_HOPS=1: the last entry is the client, what precedes it is the client's claim.
    const address = randomAddress();
    const name = `hops-${randomBytes(4).toString("hex")}`;
    const codes = [];
    for (let i = 0; i < 4; i++) {
      const ctx = await newContext();
      const res = await ctx.post("/meeting/login", { form: { username: name, password: "wrong" }, headers: { "x-forwarded-for": `10.9.${i}.1, ${address}` } });
      codes.push((await res.json()).errcode);
      await ctx.dispose();
    }
    expect(codes).toEqual([1002, 1002, 1002, 4003]);
  });
});

test.describe("admin QR sign-in", () => {
  test("redirects to WeCom web login with a fresh state and signs in the admin named like the WeCom userid", async () => {
    const ctx = await newContext();
    await fakeWecom.addUser({ userid: "Admin", name: "管理员" });
    await fakeWecom.actAs({ userid: "Admin" });
    const login = new URL(await hop(ctx, "/meeting/admin/qrcode"));
    expect(`${login.origin}${login.pathname}`).toBe(`${serverEnv("WECOM_SSO_BASE")}/wwlogin/sso/login`);
    expect(login.searchParams.get("redirect_uri")).toBe(`${APP_URL()}/meeting/admin/qrcode/login`);
    const state = login.searchParams.get("state");
    expect(state).toMatch(/^[a-f0-9]{32}$/);
    expect(new URL(await hop(ctx, "/meeting/admin/qrcode")).searchParams.get("state")).not.toBe(state);

    const ctx2 = await newContext();
    const url = await hop(ctx2, "/meeting/admin/qrcode");
    const callback = await hop(ctx2, url);
    expect(await hop(ctx2, callback)).toBe(`${APP_URL()}/meeting/admin`);
    expect((await me(ctx2)).admin).toMatchObject({ username: "admin", privileged: true });
    await ctx.dispose();
    await ctx2.dispose();
  });

  test("legacy error pages: 3001 without code, 3004 bad state or refused code, 3002 non-member, 1010 not an admin", async () => {
    const page = async (ctx: APIRequestContext, url: string) => (await ctx.get(url, { maxRedirects: 0 })).text();
    const ctx = await newContext();
    expect(await page(ctx, "/meeting/admin/qrcode/login?state=x")).toContain('data-errcode="3001"');

    const code = await fakeWecom.mintCode({ userid: "admin" });
    const bad = await page(ctx, `/meeting/admin/qrcode/login?code=${code}&state=not-mine`);
    expect(bad).toContain('data-errcode="3004"');
    expect(bad).toContain("身份信息过期");
    expect(bad).toContain("点击回到登录界面");

    const flow = async (actor: Parameters<typeof fakeWecom.actAs>[0]) => {
      await fakeWecom.actAs(actor);
      return page(ctx, await hop(ctx, await hop(ctx, "/meeting/admin/qrcode")));
    };
    expect(await flow({ openid: "o-visitor" })).toContain('data-errcode="3002"');
    const notAdmin = await flow({ userid: "zhangsan" });
    expect(notAdmin).toContain('data-errcode="1010"');
    expect(notAdmin).toContain("未找到企业用户名和管理员名相同的匹配项（非管理员）");

    // A code used once is refused the second time.
    await fakeWecom.actAs({ userid: "admin" });
    await fakeWecom.addUser({ userid: "admin" });
    const cb = await hop(ctx, await hop(ctx, "/meeting/admin/qrcode"));
    expect(await hop(ctx, cb)).toBe(`${APP_URL()}/meeting/admin`);
    const used = new URL(cb).searchParams.get("code");
    const fresh = new URL(await hop(ctx, "/meeting/admin/qrcode")).searchParams.get("state");
    expect(await page(ctx, `/meeting/admin/qrcode/login?code=${used}&state=${fresh}`)).toContain('data-errcode="3004"');
    await ctx.dispose();
  });
});

test.describe("admin rights on every request", () => {
  test("a password change ends the admin's other sessions and the current one", async () => {
    const a = await newContext();
    const b = await newContext();
    const user = await newContext();
    await signInAsUser(a, "zhangsan");
    await signInAsAdmin(a, "admin", ADMIN_PASSWORD());
    await signInAsAdmin(b, "admin", ADMIN_PASSWORD());
    const temp = `temp-${randomBytes(6).toString("hex")}`;
    try {
      const bad = await a.post("/meeting/admin/password", { form: { password: "short" } }).then((r) => r.json());
      expect(bad.errcode).toBe(4002);
      expect(await a.post("/meeting/admin/password", { form: { password: temp } }).then((r) => r.json())).toEqual({ errcode: 0, errmsg: "修改密码成功" });
      // This browser keeps its WeCom user and loses the admin; the other browser's admin session is void.
      expect(await me(a)).toMatchObject({ user: { userid: "zhangsan" }, admin: null });
      expect(await me(b)).toMatchObject({ admin: null });
      expect((await b.post("/meeting/admin/password", { form: { password: "another-password" } }).then((r) => r.json())).errcode).toBe(1005);
      // The old password no longer works, the new one does.
      expect((await b.post("/meeting/login", { form: { username: "admin", password: ADMIN_PASSWORD() } }).then((r) => r.json())).errcode).toBe(1002);
      await signInAsAdmin(b, "admin", temp);
    } finally {
      // Put the shared admin's password back for the other suites.
      const restore = await newContext();
      const r = await restore.post("/meeting/login", { form: { username: "admin", password: temp } }).then((x) => x.json());
      if (r.errcode === 0) await restore.post("/meeting/admin/password", { form: { password: ADMIN_PASSWORD() } });
      await restore.dispose();
    }
    await signInAsAdmin(user, "admin", ADMIN_PASSWORD());
    await Promise.all([a.dispose(), b.dispose(), user.dispose()]);
  });

  test("a demoted admin loses super-admin rights on the next request, a deleted one everything", async () => {
    const root = await newContext();
    await signInAsAdmin(root, "admin", ADMIN_PASSWORD());
    const name = `demo${randomBytes(4).toString("hex")}`;
    const add = await root.post("/meeting/admin/add", { form: { username: name, password: "password-123", privileged: "1" } });
    expect((await add.json()).errcode).toBe(0);

    const other = await newContext();
    await signInAsAdmin(other, name, "password-123");
    expect((await me(other)).admin).toMatchObject({ username: name, privileged: true });
    const { id } = (await me(other)).admin!;

    expect((await root.post("/meeting/admin/edit", { form: { id: String(id), username: name, password: "", privileged: "0" } }).then((r) => r.json())).errcode).toBe(0);
    expect((await me(other)).admin).toMatchObject({ username: name, privileged: false });
    expect((await other.post("/meeting/admin/add", { form: { username: `x${name}`, password: "password-123", privileged: "0" } }).then((r) => r.json())).errcode).toBe(1006);

    expect((await root.post("/meeting/admin/delete", { form: { ids: String(id) } }).then((r) => r.json())).errcode).toBe(0);
    expect((await me(other)).admin).toBeNull();
    expect((await other.post("/meeting/admin/password", { form: { password: "password-456" } }).then((r) => r.json())).errcode).toBe(1005);
    await root.dispose();
    await other.dispose();
  });
});

test.describe("edge gate", () => {
  test("page paths redirect, JSON paths answer in the envelope", async () => {
    const ctx = await newContext();
    expect(await hop(ctx, "/meeting/admin")).toBe(`${APP_URL()}/meeting/admin/login?next=%2Fmeeting%2Fadmin`);
    expect(await hop(ctx, "/meeting/admin/settings")).toMatch(/\/meeting\/admin\/login\?next=%2Fmeeting%2Fadmin%2Fsettings$/);
    expect(await hop(ctx, "/meeting/manage/settings/openApi")).toMatch(/\/meeting\/admin\/login/);
    // JSON endpoints are never redirected (whoever implements them answers 3001/1005/1006 themselves).
    for (const path of ["/meeting/admin/all?page=1&size=10", "/meeting/profile", "/meeting/history/1", "/meeting/server", "/meeting/rooms"]) {
      const res = await ctx.get(path, { maxRedirects: 0 });
      expect(res.status(), path).not.toBe(302);
    }
    expect((await ctx.post("/meeting/admin/password", { form: { password: "password-123" } }).then((r) => r.json())).errcode).toBe(1005);
    // The sign-in pages themselves are open.
    expect((await ctx.get("/meeting/admin/login", { maxRedirects: 0 })).status()).toBe(200);
    expect((await ctx.get("/meeting/signin", { maxRedirects: 0 })).status()).toBe(200);
    await ctx.dispose();
  });

  test("demo sign-in is refused unless DEMO_LOGIN=1", async () => {
    const ctx = await newContext();
    const res = await ctx.post("/meeting/auth/demo", { form: { userid: "2020123456" } });
    expect((await res.json()).errcode).toBe(3001);
    expect((await me(ctx)).user).toBeNull();
    await ctx.dispose();
  });
});

test.describe("JS-SDK", () => {
  test("/ticket is the jsapi ticket, cached; /jssdk signs a URL with it (legacy algorithm)", async () => {
    const ctx = await newContext();
    const res = await ctx.get("/meeting/ticket");
    expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
    const ticket = await res.text();
    expect(ticket).toBe((await fakeWecom.state()).ticket);
    const fetched = (await fakeWecom.counts())["/cgi-bin/get_jsapi_ticket"];
    expect(await (await ctx.get("/meeting/ticket")).text()).toBe(ticket);
    expect((await fakeWecom.counts())["/cgi-bin/get_jsapi_ticket"]).toBe(fetched);

    const page = "http://localhost/meeting/room/1/2030-01-01?x=1&y=中";
    for (const res of [
      await ctx.get(`/meeting/jssdk?url=${encodeURIComponent(page + "#section")}`),
      await ctx.post("/meeting/jssdk", { form: { url: page } }),
    ]) {
      const body = await res.json();
      expect(body).toEqual({ appId: serverEnv("WECOM_CORP_ID"), timestamp: expect.any(Number), nonceStr: expect.stringMatching(/^[a-z]{10}$/), signature: expect.stringMatching(/^[0-9a-f]{40}$/) });
      expect(Math.abs(body.timestamp - Date.now() / 1000)).toBeLessThan(120);
      const expected = createHash("sha1").update(`jsapi_ticket=${ticket}&noncestr=${body.nonceStr}&timestamp=${body.timestamp}&url=${page}`).digest("hex");
      expect(body.signature).toBe(expected);
    }
    expect(await (await ctx.get("/meeting/jssdk")).json()).toEqual({ errcode: 4002, errmsg: expect.stringMatching(/^数据格式有误\(url: /) });
    await ctx.dispose();
  });
});
