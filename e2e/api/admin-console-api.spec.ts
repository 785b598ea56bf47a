// The console's own read endpoints (/api/admin/...): who may call them and what bad input gets.
import { expect, request as pwRequest, test } from "@playwright/test";
import { signInAsAdmin } from "../helpers/auth";
import { superPassword, SUPER } from "../helpers/console";

const GETS = ["/meeting/api/admin/dashboard", "/meeting/api/admin/review", "/meeting/api/admin/deliveries"];

test("anonymous callers get 1005 from every console endpoint", async ({ request }) => {
  for (const url of GETS) expect(await (await request.get(url)).json(), url).toMatchObject({ errcode: 1005 });
  expect(await (await request.post("/meeting/api/admin/deliveries/retry", { form: { ids: "1" } })).json()).toMatchObject({ errcode: 1005 });
});

test("a normal admin reads the console views but may not resend deliveries (1006)", async ({ baseURL }) => {
  const su = await pwRequest.newContext({ baseURL });
  await signInAsAdmin(su, SUPER, superPassword());
  await su.post("/meeting/admin/add", { form: { username: "e2e-api-normal", password: "normal-password-1", privileged: "0" } });
  const normal = await pwRequest.newContext({ baseURL });
  await signInAsAdmin(normal, "e2e-api-normal", "normal-password-1");
  for (const url of GETS) expect((await (await normal.get(url)).json()).errcode, url).toBe(0);
  expect(await (await normal.post("/meeting/api/admin/deliveries/retry", { form: { ids: "1" } })).json()).toMatchObject({ errcode: 1006 });
  expect(await (await su.post("/meeting/api/admin/deliveries/retry", { form: { ids: "999999" } })).json()).toMatchObject({ errcode: 0, requeued: 0 });
  await su.dispose();
  await normal.dispose();
});

test("bad input is 4002 naming the field, never a 500", async ({ baseURL }) => {
  const su = await pwRequest.newContext({ baseURL });
  await signInAsAdmin(su, SUPER, superPassword());
  const cases: [string, string][] = [
    ["/meeting/api/admin/review?date=2025-02-30", "date"],
    ["/meeting/api/admin/review?date=tomorrow", "date"],
    ["/meeting/api/admin/review?size=0", "size"],
    ["/meeting/api/admin/review?roomId=abc", "roomId"],
    ["/meeting/api/admin/review?page=-1", "page"],
    ["/meeting/api/admin/deliveries?status=delivered", "status"],
  ];
  for (const [url, field] of cases) {
    const res = await su.get(url);
    expect(res.status(), url).toBe(200);
    const body = await res.json();
    expect(body.errcode, url).toBe(4002);
    expect(body.errmsg, url).toContain(field);
  }
  const empty = await (await su.post("/meeting/api/admin/deliveries/retry", { form: { ids: "" } })).json();
  expect(empty).toMatchObject({ errcode: 4002 });
  await su.dispose();
});

test("the review view lists pending requests oldest first with CheckView fields", async ({ baseURL }) => {
  const su = await pwRequest.newContext({ baseURL });
  await signInAsAdmin(su, SUPER, superPassword());
  const body = await (await su.get("/meeting/api/admin/review?size=50")).json();
  expect(body.errcode).toBe(0);
  const handTimes = body.rows.map((r: { handTime: string }) => r.handTime);
  expect([...handTimes].sort()).toEqual(handTimes);
  for (const r of body.rows) {
    expect(Object.keys(r)).toEqual(expect.arrayContaining(["appointId", "userid", "name", "roomId", "place", "size", "purpose", "participants", "phone", "startTime", "duration", "note", "handTime", "conflicts"]));
    expect(r.startTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }
  await su.dispose();
});
