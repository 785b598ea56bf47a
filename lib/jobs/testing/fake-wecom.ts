import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { startFakeWecom, type FakeWecom } from "@/e2e/fakes/wecom-server";

/** Starts the fake WeCom for one test file and points the app's WeCom client at it. */
export function useFakeWecom() {
  let fake: FakeWecom | undefined;
  beforeAll(async () => {
    process.env.WECOM_CORP_ID = "wwjobstest";
    process.env.WECOM_SECRET = "jobs-test-secret";
    process.env.WECOM_AGENT_ID = "1000002";
    fake = await startFakeWecom({ corpId: "wwjobstest", secret: "jobs-test-secret", agentId: 1000002 });
    process.env.WECOM_API_BASE = fake.url;
    resetEnvForTests();
  });
  afterAll(async () => {
    await fake?.close();
    delete process.env.WECOM_API_BASE;
    resetEnvForTests();
  });
  return () => {
    if (!fake) throw new Error("fake WeCom not started");
    return fake;
  };
}

/** Text messages the fake accepted, as [touser, content]. */
export function sentTexts(fake: FakeWecom): { touser: string; content: string }[] {
  return fake.state.messages.map((m) => ({
    touser: String(m.body.touser),
    content: String((m.body.text as { content: string }).content),
  }));
}
