import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/db/testing";
import { getSettings } from "./get-settings";
import { updateSettings, type SettingsInput } from "./update-settings";

/** Changing the settings is a super-admin action. */
const SUPER = { id: 1, username: "admin", privileged: true };

const valid: SettingsInput = { sh: 7, sm: 20, ch: 22, cm: 20, check: false, checkInterval: 5, clean: true, cleanInterval: 30 };

describe("settings", () => {
  useTestDb();

  it("starts with the legacy defaults", async () => {
    expect(await getSettings()).toEqual({ openMinute: 480, closeMinute: 1320, autoReview: true, autoReviewInterval: 2, autoClean: true, autoCleanInterval: 7 });
  });

  it("round-trips every minute exactly (the legacy reported 07:20 as 07:19), and 24:00", async () => {
    for (let m = 0; m < 60; m++) {
      const s = await updateSettings(SUPER, { ...valid, sm: m, cm: (m + 7) % 60 });
      expect(s.openMinute).toBe(7 * 60 + m);
      expect(s.closeMinute).toBe(22 * 60 + ((m + 7) % 60));
    }
    expect(await updateSettings(SUPER, { ...valid, sh: 0, sm: 0, ch: 24, cm: 0 })).toMatchObject({ openMinute: 0, closeMinute: 1440 });
    expect(await updateSettings(SUPER, valid)).toEqual({ openMinute: 440, closeMinute: 1340, autoReview: false, autoReviewInterval: 5, autoClean: true, autoCleanInterval: 30 });
  });

  it("is refused to a plain admin (1006), changing nothing", async () => {
    const before = await getSettings();
    await expect(updateSettings({ ...SUPER, privileged: false }, { ...valid, sh: 6 })).rejects.toMatchObject({ code: 1006 });
    expect(await getSettings()).toEqual(before);
  });

  it("applies nothing when any part is invalid: 1004 out of range, 1003 missing", async () => {
    await updateSettings(SUPER, valid);
    const before = await getSettings();
    const bad: [Partial<SettingsInput>, number][] = [
      [{ sh: 24 }, 1004],
      [{ sh: -1 }, 1004],
      [{ sm: 60 }, 1004],
      [{ ch: 24, cm: 1 }, 1004],
      [{ ch: 25, cm: 0 }, 1004],
      [{ sh: 22, sm: 20 }, 1004], // empty window
      [{ sh: 22, sm: 30 }, 1004], // inverted (the legacy accepted sh == ch with sm > cm)
      [{ checkInterval: 0 }, 1004],
      [{ cleanInterval: 0 }, 1004],
      [{ cleanInterval: 25 }, 0], // the legacy's thread died on 25..49 days; fine here
      [{ checkInterval: 1441 }, 1004],
      [{ sh: undefined }, 1003],
      [{ cleanInterval: undefined }, 1003],
    ];
    for (const [patch, code] of bad) {
      // Every other part of the request is a change, so a half-applied request would show.
      const input = { ...valid, sh: 9, sm: 5, ch: 20, cm: 5, check: true, checkInterval: 9, clean: false, cleanInterval: 9, ...patch };
      if (code === 0) {
        await updateSettings(SUPER, input);
        await updateSettings(SUPER, valid);
        continue;
      }
      await expect(updateSettings(SUPER, input), JSON.stringify(patch)).rejects.toMatchObject({ code });
      expect(await getSettings()).toEqual(before);
    }
  });
});
