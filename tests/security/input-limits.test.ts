import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/login/route";
import { useTestDb } from "@/lib/db/testing";
import { newOpenClient } from "@/lib/http/testing/open-client";

// Every text input has a maximum length (issue 11 §2.9): over-long values are bad input in the endpoint's own
// envelope, never a 5000 / HTTP 500.

useTestDb();

const form = (fields: Record<string, string>) =>
  new Request("http://localhost/meeting/login", { method: "POST", body: new URLSearchParams(fields) });

describe("POST /login", () => {
  it("a 300-character username is 4002 naming username", async () => {
    const res = await login(form({ username: "a".repeat(300), password: "whatever-password" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ errcode: 4002, errmsg: expect.stringContaining("username") });
  });

  it("a 10,000-character password is 4002 naming password", async () => {
    const res = await login(form({ username: "admin", password: "p".repeat(10_000) }));
    expect(await res.json()).toEqual({ errcode: 4002, errmsg: expect.stringContaining("password") });
  });

  it("any legacy parameter over the backstop is 4002 naming it", async () => {
    const res = await login(form({ username: "admin", password: "x", extra: "z".repeat(5000) }));
    expect(await res.json()).toEqual({ errcode: 4002, errmsg: expect.stringContaining("extra") });
  });
});

describe("Open API", () => {
  it("an over-long text value anywhere in the body is 71001 naming it", async () => {
    const api = await newOpenClient();
    const r = await api.call("meeting/list", { subject: "s".repeat(5000) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ success: false, code: 71001, fieldErrors: { subject: expect.any(String) } });
    const nested = await api.call("meeting/book", { attendances: [{ userId: "u".repeat(5000) }] });
    expect(nested.body).toMatchObject({ success: false, code: 71001, fieldErrors: { "attendances[0].userId": expect.any(String) } });
  });
});
