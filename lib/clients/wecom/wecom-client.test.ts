import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/db/testing";
import { resetEnvForTests } from "@/lib/env";
import { rowsOf } from "@/lib/db/rows";
import { getAccessToken, tokenCacheKey } from "./access-token";
import { callWecom } from "./call";
import { WecomError } from "./errors";
import { getMember } from "./get-member";
import { getUserIdentity } from "./get-user-identity";
import { getJsapiTicket } from "./jsapi-ticket";
import { oauthAuthorizeUrl, webLoginUrl } from "./login-urls";
import { sendText } from "./send-text";
import { jsapiSignature, nonce } from "./signature";
import { control, useFakeWecom } from "./testing/use-fake-wecom";

const gettokens = async (fake: Parameters<typeof control>[0]) => ((await control(fake, "counts")) as Record<string, number>)["/cgi-bin/gettoken"] ?? 0;

describe("WeCom client", () => {
  const db = useTestDb();
  const fake = useFakeWecom();
  const clearCache = () => db().db.execute(sql`delete from cache_entries`);

  it("caches the access token in the database: one gettoken for many calls", async () => {
    await clearCache();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => getAccessToken()));
    await callWecom("department/list");
    await callWecom("user/get", { userid: "zhangsan" });
    expect(new Set(tokens).size).toBe(1);
    expect(await gettokens(fake())).toBe(1);
    const rows = rowsOf<{ value: string; expires_at: string | Date }>(
      await db().db.execute(sql`select value, expires_at from cache_entries where key = ${tokenCacheKey()}`),
    );
    expect(rows[0].value).toBe(tokens[0]);
    // Used until about 5 minutes before WeCom's 7200 s expiry.
    const left = (new Date(rows[0].expires_at).getTime() - Date.now()) / 1000;
    expect(left).toBeGreaterThan(6880);
    expect(left).toBeLessThanOrEqual(6900);
  });

  it("refreshes a token that is within its safety margin", async () => {
    await clearCache();
    await getAccessToken();
    await db().db.execute(sql`update cache_entries set expires_at = now() - interval '1 second'`);
    await getAccessToken();
    expect(await gettokens(fake())).toBe(2);
  });

  it.each([
    ["expired at WeCom (42001)", "expire-token"],
    ["invalidated at WeCom (40014)", "invalidate-token"],
  ])("drops a token %s, fetches a new one and retries the call once", async (_what, action) => {
    await clearCache();
    const before = await getAccessToken();
    await control(fake(), action, {});
    const member = await getMember("zhangsan");
    expect(member.name).toBe("张三");
    expect(await getAccessToken()).not.toBe(before);
    expect(await gettokens(fake())).toBe(2);
  });

  it("retries only once: a second token failure is an error", async () => {
    await clearCache();
    await control(fake(), "fail-next", { path: "/cgi-bin/user/get", errcode: 42001, times: 2 });
    const err = await getMember("zhangsan").catch((e) => e);
    expect(err).toBeInstanceOf(WecomError);
    expect(err.kind).toBe("token");
    expect(((await control(fake(), "counts")) as Record<string, number>)["/cgi-bin/user/get"]).toBe(2);
  });

  it("translates vendor errors and never leaks errmsg", async () => {
    await control(fake(), "fail-next", { path: "/cgi-bin/user/get", errcode: -1 });
    expect((await getMember("zhangsan").catch((e) => e)).kind).toBe("unavailable");
    expect((await getMember("nobody").catch((e) => e)).kind).toBe("not-found");
    expect((await getUserIdentity("bogus-code").catch((e) => e)).kind).toBe("invalid-code");
  });

  it("gives up after 5 s when WeCom does not answer", async () => {
    await clearCache();
    await control(fake(), "silent", { all: true });
    const started = Date.now();
    const err = await getAccessToken().catch((e) => e);
    await control(fake(), "silent", { off: true });
    expect(err).toBeInstanceOf(WecomError);
    expect(err.kind).toBe("unavailable");
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
  }, 15_000);

  it("reads identities in the new and the old spelling; a non-member has only an openid", async () => {
    const code = async (who: object) => ((await control(fake(), "code", who)) as { code: string }).code;
    expect(await getUserIdentity(await code({ userid: "zhangsan" }))).toEqual({ kind: "member", userid: "zhangsan", deviceId: undefined });
    expect(await getUserIdentity(await code({ openid: "o1" }))).toEqual({ kind: "non-member", openid: "o1" });
    await control(fake(), "config", { legacyShape: true });
    expect(await getUserIdentity(await code({ userid: "zhangsan" }))).toMatchObject({ kind: "member", userid: "zhangsan", deviceId: expect.any(String) });
    expect(await getUserIdentity(await code({ openid: "o2" }))).toEqual({ kind: "non-member", openid: "o2" });
  });

  it("tolerates members without mobile, email, avatar or gender", async () => {
    await control(fake(), "users", { userid: "private1", name: "私", mobile: "138", email: "a@b.c", privacyRestricted: true });
    expect(await getMember("private1")).toEqual({ userid: "private1", name: "私", department: [1], gender: 0, mobile: undefined, email: undefined, avatar: undefined });
  });

  it("sends text messages and reports refused recipients", async () => {
    expect(await sendText("zhangsan|ghost", "会议室预约结果通知")).toEqual({ invalidUsers: ["ghost"] });
    const { messages } = (await control(fake(), "messages")) as { messages: { body: Record<string, unknown> }[] };
    expect(messages.map((m) => m.body)).toEqual([{ touser: "zhangsan|ghost", msgtype: "text", agentid: 1000002, text: { content: "会议室预约结果通知" } }]);
    expect((await sendText("ghost", "x").catch((e) => e)).kind).toBe("no-recipient");
  });

  it("caches the jsapi ticket like the token", async () => {
    await clearCache();
    const [a, b] = await Promise.all([getJsapiTicket(), getJsapiTicket()]);
    expect(await getJsapiTicket()).toBe(a);
    expect(b).toBe(a);
    expect(((await control(fake(), "counts")) as Record<string, number>)["/cgi-bin/get_jsapi_ticket"]).toBe(1);
    // A ticket fetch with a token WeCom no longer accepts refreshes the token and retries once.
    await db().db.execute(sql`delete from cache_entries where key like 'wecom:jsapi_ticket:%'`);
    await control(fake(), "invalidate-token", {});
    expect(await getJsapiTicket()).toBe(a);
  });
});

describe("JS-SDK signature and login URLs", () => {
  it("matches WeCom's published example", () => {
    const ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";
    expect(jsapiSignature(ticket, "Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value")).toBe("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
    expect(nonce()).toMatch(/^[a-z]{10}$/);
  });

  it("builds the authorize URL with the fragment WeCom needs, and the web-login URL", () => {
    process.env.APP_URL = "https://rooms.example.edu";
    resetEnvForTests();
    const u = new URL(oauthAuthorizeUrl("abc123"));
    expect(u.hash).toBe("#wechat_redirect");
    expect(u.searchParams.get("redirect_uri")).toBe("https://rooms.example.edu/meeting/auth");
    expect(u.searchParams.get("scope")).toBe("snsapi_base");
    const w = new URL(webLoginUrl("abc123", "/meeting/admin/qrcode/login"));
    expect(w.pathname).toBe("/wwlogin/sso/login");
    expect(w.searchParams.get("redirect_uri")).toBe("https://rooms.example.edu/meeting/admin/qrcode/login");
  });
});
