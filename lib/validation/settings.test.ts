import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/db/testing";
import { AppError } from "@/lib/errors";
import { updateSettings } from "@/lib/services/settings/update-settings";
import { settingsFormSchema } from "./settings";

/** Changing the settings is a super-admin action. */
const SUPER = { id: 1, username: "admin", privileged: true };

useTestDb();

const base = { sh: 8, sm: 0, ch: 22, cm: 0, check: false, checkInterval: 2, clean: true, cleanInterval: 7 };
// The console's form and the server must agree on every one of these.
const cases: [string, Partial<typeof base>][] = [
  ["defaults", {}],
  ["close at 24:00", { ch: 24, cm: 0 }],
  ["close at 24:30", { ch: 24, cm: 30 }],
  ["empty window", { sh: 10, sm: 0, ch: 10, cm: 0 }],
  ["inverted window", { sh: 12, ch: 9 }],
  ["minute 60", { sm: 60 }],
  ["hour 24 opening", { sh: 24 }],
  ["review interval 0", { checkInterval: 0 }],
  ["review interval max", { checkInterval: 1440 }],
  ["review interval too big", { checkInterval: 1441 }],
  ["clean interval 0", { cleanInterval: 0 }],
  ["clean interval max", { cleanInterval: 3650 }],
  ["clean interval too big", { cleanInterval: 3651 }],
  ["negative minute", { cm: -1 }],
];

describe("settingsFormSchema mirrors updateSettings", () => {
  it.each(cases)("%s", async (_, change) => {
    const input = { ...base, ...change };
    const formOk = settingsFormSchema.safeParse(input).success;
    let serverOk = true;
    try {
      await updateSettings(SUPER, input);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      serverOk = false;
    }
    expect(formOk).toBe(serverOk);
  });
});
