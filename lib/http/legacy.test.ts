import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, MESSAGES } from "@/lib/errors";
import { assertParamSizes, layuiTable, legacyRoute, MAX_PARAM_CHARS, ok } from "./legacy";
import { OPEN_OK, openErrorResponse, openFail, openOk, openPublicRoute, openRoute } from "./open";

// The two envelopes and their error mapping, called directly (no route file in between). None of these requests
// carries a session, so nothing here reads the database.

const url = "http://localhost:3000/meeting/x";
const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(body) });
const json = async (res: Response) => ({ status: res.status, body: await res.json() });

afterEach(() => vi.restoreAllMocks());

describe("legacyRoute: the {errcode, errmsg} envelope", () => {
  const schema = z.object({ n: z.coerce.number().int().min(1, "必须是正整数") });

  it("answers the handler's object as JSON, parameters parsed by the schema", async () => {
    const route = legacyRoute({ schema }, async ({ input }) => ok({ twice: input.n * 2 }));
    expect(await json(await route(post({ n: "21" })))).toEqual({ status: 200, body: { errcode: 0, errmsg: "ok", twice: 42 } });
  });

  it("passes a Response through untouched", async () => {
    const route = legacyRoute({}, async () => new Response("raw", { status: 201 }));
    const res = await route(new Request(url));
    expect([res.status, await res.text()]).toEqual([201, "raw"]);
  });

  it("gives bad input as 4002 naming the field, HTTP 200", async () => {
    const route = legacyRoute({ schema }, async () => ok());
    const { status, body } = await json(await route(post({ n: "0" })));
    expect(status).toBe(200);
    expect(body.errcode).toBe(4002);
    expect(body.errmsg).toMatch(/^数据格式有误\(n: /);
  });

  it("uses a field's own code from errorCodes", async () => {
    const route = legacyRoute({ schema, errorCodes: { n: 2007 } }, async () => ok());
    expect((await json(await route(post({ n: "x" })))).body).toEqual({ errcode: 2007, errmsg: MESSAGES[2007] });
  });

  it("lets path parameters win over query and body values", async () => {
    const route = legacyRoute({ schema }, async ({ input }) => ok({ n: input.n }));
    const res = await route(post({ n: "1" }), { params: Promise.resolve({ n: "7" }) });
    expect((await json(res)).body.n).toBe(7);
  });

  it("maps an AppError to its code and message, HTTP 200", async () => {
    const route = legacyRoute({}, async () => {
      throw new AppError(2003);
    });
    expect(await json(await route(new Request(url)))).toEqual({ status: 200, body: { errcode: 2003, errmsg: MESSAGES[2003] } });
  });

  it("answers anything else as 5000 with HTTP 500, without the error's text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const route = legacyRoute({}, async () => {
      throw new Error("secret detail");
    });
    expect(await json(await route(new Request(url)))).toEqual({ status: 500, body: { errcode: 5000, errmsg: MESSAGES[5000] } });
  });

  it("refuses an unreadable body as 4002 on `body`", async () => {
    const route = legacyRoute({}, async () => ok());
    const req = new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: "[1]" });
    expect((await json(await route(req))).body).toMatchObject({ errcode: 4002, errmsg: expect.stringMatching(/^数据格式有误\(body: /) });
  });

  it("refuses over-long text whatever the schema says", async () => {
    const route = legacyRoute({}, async () => ok());
    const body = (await json(await route(post({ note: "x".repeat(MAX_PARAM_CHARS + 1) })))).body;
    expect(body).toMatchObject({ errcode: 4002, errmsg: expect.stringMatching(/^数据格式有误\(note: /) });
    expect(() => assertParamSizes({ ais: Array(1001).fill("1") })).toThrow(/ais/);
  });

  it("refuses cross-site state changes (4005) and never runs the handler", async () => {
    const handler = vi.fn(async () => ok());
    const route = legacyRoute({}, handler);
    expect((await json(await route(post({}, { "sec-fetch-site": "cross-site" })))).body.errcode).toBe(4005);
    expect((await json(await route(post({}, { origin: "https://evil.example" })))).body.errcode).toBe(4005);
    expect(handler).not.toHaveBeenCalled();
    expect((await json(await route(post({}, { origin: "http://localhost:3000" })))).body.errcode).toBe(0);
  });

  it("refuses a state-changing GET without proof of our own page (4005)", async () => {
    const route = legacyRoute({ stateChangingGet: true }, async () => ok());
    expect((await json(await route(new Request(url)))).body.errcode).toBe(4005);
    expect((await json(await route(new Request(url, { headers: { "sec-fetch-site": "same-origin" } })))).body.errcode).toBe(0);
  });

  it("asks for sign-in: 3001 for user endpoints, 1005 for admin endpoints", async () => {
    const handler = vi.fn(async () => ok());
    expect((await json(await legacyRoute({ auth: "user" }, handler)(new Request(url)))).body.errcode).toBe(3001);
    expect((await json(await legacyRoute({ auth: "admin" }, handler)(new Request(url)))).body.errcode).toBe(1005);
    expect((await json(await legacyRoute({ auth: "super" }, handler)(new Request(url)))).body.errcode).toBe(1005);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers application errors of browser navigations with the HTML error page", async () => {
    const route = legacyRoute({ htmlErrors: { redirectUrl: "/meeting/admin" } }, async () => {
      throw new AppError(1006);
    });
    const res = await route(new Request(url));
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain(MESSAGES[1006]);
  });

  it("builds layui tables as {code, msg, count, data}", () => {
    expect(layuiTable(3, [{ id: 1 }])).toEqual({ code: 0, msg: "", count: 3, data: [{ id: 1 }] });
  });
});

describe("the Open API envelope {success, code, message, value?, fieldErrors}", () => {
  it("openOk carries the value, or none for a void operation", async () => {
    expect(await openOk({ id: 1 }).json()).toEqual({ success: true, code: OPEN_OK, message: "", value: { id: 1 }, fieldErrors: {} });
    expect(await openOk().json()).toEqual({ success: true, code: OPEN_OK, message: "", fieldErrors: {} });
  });

  it("openFail names the field", async () => {
    expect(await openFail(71005, "Lack x arguments", "x").json()).toEqual({ success: false, code: 71005, message: "Lack x arguments", fieldErrors: { x: "Lack x arguments" } });
  });

  it.each([
    [new AppError(2003), undefined, 71014],
    [new AppError(2008), undefined, 71016],
    [new AppError(4040, undefined, "roomId"), undefined, 71011],
    [new AppError(4040), "meeting" as const, 71012],
    [new AppError(1234 as never), undefined, 71001],
  ])("maps %o (resource %s) to %i, HTTP 200", async (e, resource, code) => {
    const res = openErrorResponse(e, new Request(url), resource);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: false, code });
  });

  it("names the caller's field, not the service's (datetime → beginTime)", async () => {
    const res = openErrorResponse(new AppError(4002, "bad", "datetime"), new Request(url));
    expect((await res.json()).fieldErrors).toEqual({ beginTime: expect.stringContaining("beginTime") });
  });

  it("answers anything else as 5000 with HTTP 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = openErrorResponse(new Error("secret detail"), new Request(url));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ success: false, code: 5000, message: "Server busy, try again later", fieldErrors: {} });
  });

  describe("openPublicRoute", () => {
    const route = openPublicRoute({ schema: z.object({ appkey: z.string(), n: z.number().optional() }) }, async ({ input }) => ({ got: input.appkey }));
    const call = (body: string) => route(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body }));

    it("answers the handler's value", async () => {
      expect(await (await call('{"appkey":"k"}')).json()).toMatchObject({ success: true, code: OPEN_OK, value: { got: "k" } });
    });
    it("gives a missing field as 71005, a wrong type as 71008, an unreadable body as 71001", async () => {
      expect(await (await call("{}")).json()).toMatchObject({ success: false, code: 71005, fieldErrors: { appkey: expect.any(String) } });
      expect(await (await call('{"appkey":"k","n":"x"}')).json()).toMatchObject({ success: false, code: 71008, fieldErrors: { n: expect.any(String) } });
      expect(await (await call("[")).json()).toMatchObject({ success: false, code: 71001, fieldErrors: { body: expect.any(String) } });
    });
    it("refuses over-long text anywhere in the body (71001 naming it)", async () => {
      const res = await call(JSON.stringify({ appkey: "k", deep: { list: ["x".repeat(4001)] } }));
      expect(await res.json()).toMatchObject({ success: false, code: 71001, fieldErrors: { "deep.list[0]": expect.any(String) } });
    });
  });

  it("openRoute asks for the access token first (71002)", async () => {
    const handler = vi.fn(async () => null);
    const route = openRoute({ schema: z.object({}), resource: "room" }, handler);
    const res = await route(new Request(url, { method: "POST", body: "{}" }));
    expect(await res.json()).toMatchObject({ success: false, code: 71002, fieldErrors: { access_token: expect.any(String) } });
    expect(handler).not.toHaveBeenCalled();
  });
});
