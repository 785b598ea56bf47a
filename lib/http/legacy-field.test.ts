// The field at fault travels beside the legacy envelope (response header), never inside it; a caller that asks for
// JSON gets the envelope even from an endpoint that answers browsers with the HTML error page.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FIELD_HEADER, notFound } from "@/lib/errors";
import { legacyRoute } from "./legacy";

const APP_URL = process.env.APP_URL ?? "http://localhost:3000";
const schema = z.object({ phone: z.string().regex(/^\d{11}$/, "手机号格式不正确") });
const route = legacyRoute({ schema }, async () => ({ errcode: 0, errmsg: "ok" }));
const htmlRoute = legacyRoute({ htmlErrors: { redirectUrl: "/meeting/index", redirectMsg: "返回首页" } }, async () => {
  throw notFound("appointId", "预约");
});

describe("legacy error envelope and the field header", () => {
  it("bad input: the envelope is exactly {errcode, errmsg}; the header names the field", async () => {
    const res = await route(new Request(`${APP_URL}/meeting/x?phone=12`));
    expect(await res.json()).toEqual({ errcode: 4002, errmsg: expect.stringMatching(/^数据格式有误\(phone: /) });
    expect(res.headers.get(FIELD_HEADER)).toBe("phone");
  });

  it("success and errors without a field carry no header", async () => {
    const ok = await route(new Request(`${APP_URL}/meeting/x?phone=13800000000`));
    expect(await ok.json()).toEqual({ errcode: 0, errmsg: "ok" });
    expect(ok.headers.get(FIELD_HEADER)).toBeNull();
  });

  it("htmlErrors: browsers get the HTML page, a JSON-first caller the envelope with the field", async () => {
    const page = await htmlRoute(new Request(`${APP_URL}/meeting/y`, { headers: { accept: "text/html,*/*" } }));
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain('data-errcode="4040"');
    const json = await htmlRoute(new Request(`${APP_URL}/meeting/y`, { headers: { accept: "application/json" } }));
    expect(await json.json()).toEqual({ errcode: 4040, errmsg: "预约不存在(appointId)" });
    expect(json.headers.get(FIELD_HEADER)).toBe("appointId");
  });
});
