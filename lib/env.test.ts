import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvForTests } from "./env";

describe("configuration", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  function withEnv(vars: Record<string, string | undefined>) {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvForTests();
  }

  it("applies documented defaults, treating empty values as unset", () => {
    withEnv({ DATABASE_URL: "", PGLITE_DIR: undefined, WECOM_API_BASE: "", APP_TIMEZONE: undefined, SCHEDULER: undefined });
    const e = env();
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DIR).toBe("./.data/pglite");
    expect(e.WECOM_API_BASE).toBe("https://qyapi.weixin.qq.com");
    expect(e.WECOM_OAUTH_BASE).toBe("https://open.weixin.qq.com");
    expect(e.WECOM_SSO_BASE).toBe("https://login.work.weixin.qq.com");
    expect(e.APP_TIMEZONE).toBe("Asia/Shanghai");
    expect(e.SCHEDULER).toBe(true);
  });

  it("names every invalid variable and what is wrong with it", () => {
    withEnv({ APP_URL: "localhost:3000", DATABASE_URL: "mysql://x", APP_TIMEZONE: "Mars/Olympus", WECOM_AGENT_ID: "abc" });
    let message = "";
    try {
      env();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/APP_URL: must be an absolute http\(s\) URL/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\//);
    expect(message).toMatch(/APP_TIMEZONE: must be an IANA time zone/);
    expect(message).toMatch(/WECOM_AGENT_ID/);
  });

  it("requires AUTH_SECRET in production", () => {
    withEnv({ NODE_ENV: "production", AUTH_SECRET: undefined });
    expect(() => env()).toThrow(/AUTH_SECRET: is required in production/);
    withEnv({ NODE_ENV: "production", AUTH_SECRET: "short" });
    expect(() => env()).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("strips a trailing slash from APP_URL so URLs built from it are clean", () => {
    withEnv({ APP_URL: "https://rooms.example.edu/" });
    expect(env().APP_URL).toBe("https://rooms.example.edu");
  });
});
