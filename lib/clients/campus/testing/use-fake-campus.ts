import { afterAll, beforeAll, beforeEach } from "vitest";
import { startFakeCampus, type FakeCampus } from "@/e2e/fakes/campus-server";
import { resetEnvForTests } from "@/lib/env";

export const FAKE_CAMPUS_ENV = {
  CAMPUS_API_TOKEN: "test-campus-token",
  CAMPUS_CLIENT_ID: "meeting-test",
  CAMPUS_CLIENT_SECRET: "test-campus-secret",
  CAMPUS_ADMIN_ROLE_KEYS: "meeting:admin",
  CAMPUS_SUPER_ROLE_KEYS: "meeting:super",
  CAMPUS_NOTICE_CHANNELS: "MC00003",
  CAMPUS_TIMEOUT_MS: "800",
};

/** Starts the fake API center in this test process and turns the integration on against it; reset before each test. */
export function useFakeCampus() {
  let fake: FakeCampus | undefined;
  beforeAll(async () => {
    fake = await startFakeCampus({ token: FAKE_CAMPUS_ENV.CAMPUS_API_TOKEN, clientId: FAKE_CAMPUS_ENV.CAMPUS_CLIENT_ID, clientSecret: FAKE_CAMPUS_ENV.CAMPUS_CLIENT_SECRET });
    Object.assign(process.env, FAKE_CAMPUS_ENV, { CAMPUS_API_BASE: fake.url });
    resetEnvForTests();
  });
  beforeEach(() => fake?.reset());
  afterAll(async () => {
    await fake?.close();
    for (const k of [...Object.keys(FAKE_CAMPUS_ENV), "CAMPUS_API_BASE"]) delete process.env[k];
    resetEnvForTests();
  });
  return () => {
    if (!fake) throw new Error("fake campus not started yet");
    return fake;
  };
}

/** Turns the integration off (and back on) within a test file. */
export function campusOff(off: boolean, fake?: FakeCampus) {
  if (off) delete process.env.CAMPUS_API_BASE;
  else if (fake) process.env.CAMPUS_API_BASE = fake.url;
  resetEnvForTests();
}
