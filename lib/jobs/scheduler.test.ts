import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { schedulerEnabled, startScheduler, stopScheduler } from "./scheduler";

describe("the in-process scheduler", () => {
  afterEach(() => {
    stopScheduler();
    delete process.env.SCHEDULER;
    delete process.env.VERCEL;
    resetEnvForTests();
  });

  const withEnv = (vars: Record<string, string>) => {
    Object.assign(process.env, vars);
    resetEnvForTests();
  };

  it("is on by default, off with SCHEDULER=0 and on Vercel", () => {
    expect(schedulerEnabled()).toBe(true);
    withEnv({ SCHEDULER: "0" });
    expect(schedulerEnabled()).toBe(false);
    expect(startScheduler()).toBe(false);
    delete process.env.SCHEDULER;
    withEnv({ VERCEL: "1" });
    expect(schedulerEnabled()).toBe(false);
    expect(startScheduler()).toBe(false);
  });

  it("starts one timer per process", () => {
    expect(startScheduler()).toBe(true);
    expect(startScheduler()).toBe(false);
    stopScheduler();
    expect(startScheduler()).toBe(true);
  });
});
