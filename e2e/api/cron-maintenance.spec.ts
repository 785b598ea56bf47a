import { expect, test } from "@playwright/test";
import { serverEnv } from "../helpers/env";
import { fakeWecom } from "../helpers/wecom";

// The maintenance cron entry against `next start` (SCHEDULER=0 in e2e, so only these calls run it).
const PATH = "/meeting/api/cron/maintenance";
const bearer = () => ({ authorization: `Bearer ${serverEnv("CRON_SECRET")}` });

interface Report {
  ran: boolean;
  reason?: string;
  steps: {
    autoReview: { ok: boolean; ran: boolean; reviewed?: number };
    outbox: { ok: boolean; delivered: number };
    [step: string]: { ok: boolean };
  };
}

test("refuses calls without the right bearer token", async ({ request }) => {
  const variants: Record<string, string>[] = [{}, { authorization: "Bearer wrong-secret-0123456789" }, { authorization: serverEnv("CRON_SECRET") }];
  for (const headers of variants) {
    const get = await request.get(PATH, { headers });
    expect(get.status()).toBe(401);
    expect(await get.json()).toMatchObject({ error: "unauthorized" });
    expect((await request.post(PATH, { headers })).status()).toBe(401);
  }
});

test("ten concurrent cron calls do the work once and send each message once", async ({ request }) => {
  await fakeWecom.clearMessages();
  const calls = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? request.post : request.get).call(request, PATH, { headers: bearer() })));
  expect(calls.map((r) => r.status())).toEqual(Array(10).fill(200));
  const reports = (await Promise.all(calls.map((r) => r.json()))) as Report[];
  expect(reports.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
  for (const r of reports) {
    if (r.ran) expect(r.steps).toMatchObject({ expiry: { ok: true }, autoReview: { ok: true }, autoClean: { ok: true }, outbox: { ok: true } });
    else expect(r.reason).toBe("another maintenance run is in progress");
  }
  const delivered = reports.reduce((n, r) => n + (r.ran ? r.steps.outbox.delivered : 0), 0);
  const reviewed = reports.reduce((n, r) => n + (r.ran && r.steps.autoReview.ran ? (r.steps.autoReview.reviewed ?? 0) : 0), 0);
  // A booking is reviewed by one run only, and every message WeCom received was sent exactly once.
  const messages = await fakeWecom.messages();
  // Each WeCom message is one delivery; the other deliveries are the campus platform's notices, calendar entries and
  // operation-log rows (the e2e server runs with the integration on).
  expect(messages.length).toBeLessThanOrEqual(delivered);
  const contents = messages.map((m) => `${m.body.touser}|${(m.body.text as { content: string }).content}`);
  expect(new Set(contents).size).toBe(contents.length);
  expect(messages.length).toBeGreaterThanOrEqual(reviewed);

  // Ten more: the state is settled, nothing more is sent.
  const again = await Promise.all(Array.from({ length: 10 }, () => request.get(PATH, { headers: bearer() })));
  expect(again.map((r) => r.status())).toEqual(Array(10).fill(200));
  expect(await fakeWecom.messages()).toHaveLength(messages.length);
});
