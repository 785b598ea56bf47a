import { afterAll, beforeAll, beforeEach } from "vitest";
import { startFakeWecom, type FakeWecom } from "@/e2e/fakes/wecom-server";
import { resetEnvForTests } from "@/lib/env";

/** Starts the fake WeCom in this test process and points the app's WeCom configuration at it; reset before each test. */
export function useFakeWecom() {
  let fake: FakeWecom | undefined;
  beforeAll(async () => {
    fake = await startFakeWecom({ corpId: "wwtestcorp", secret: "test-secret", agentId: 1000002 });
    Object.assign(process.env, {
      WECOM_API_BASE: fake.url,
      WECOM_OAUTH_BASE: fake.url,
      WECOM_SSO_BASE: fake.url,
      WECOM_CORP_ID: "wwtestcorp",
      WECOM_SECRET: "test-secret",
      WECOM_AGENT_ID: "1000002",
    });
    resetEnvForTests();
  });
  beforeEach(async () => {
    await fetch(`${fake!.url}/__control/reset`, { method: "POST" });
  });
  afterAll(async () => {
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error("fake WeCom not started yet");
    return fake;
  };
}

export async function control(fake: FakeWecom, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}/__control/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}
