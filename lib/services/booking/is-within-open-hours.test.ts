import { describe, expect, it } from "vitest";
import { fromLocal } from "@/lib/time";
import { isWithinOpenHours } from "./is-within-open-hours";

const day = (hh: number, mm = 0, ss = 0) => new Date(fromLocal(2030, 3, 15, hh * 60 + mm).getTime() + ss * 1000);
const hours = { openMinute: 8 * 60, closeMinute: 22 * 60 };

describe("the open-hours rule (Asia/Shanghai wall clock)", () => {
  it.each([
    ["starts exactly at opening", day(8), 60, true],
    ["starts a minute before opening", day(7, 59), 60, false],
    ["ends exactly at closing", day(21), 60, true],
    ["ends a minute after closing", day(21, 1), 60, false],
    ["ends 30 seconds after closing", day(21, 59, 30), 1, false],
    ["starts 30 seconds after opening", day(8, 0, 30), 1, true],
    ["the real duration counts, not 1 minute", day(21), 61, false],
    ["a whole open day", day(8), 14 * 60, true],
    ["zero minutes", day(9), 0, false],
    ["negative minutes", day(9), -5, false],
  ])("%s", (_name, start, minutes, expected) => {
    expect(isWithinOpenHours(start, minutes, hours)).toBe(expected);
  });

  it("allows ending exactly at 24:00 only when close is 24:00, and never crossing midnight", () => {
    const allDay = { openMinute: 0, closeMinute: 1440 };
    expect(isWithinOpenHours(day(23), 60, allDay)).toBe(true);
    expect(isWithinOpenHours(day(23), 61, allDay)).toBe(false);
    expect(isWithinOpenHours(day(0), 1440, allDay)).toBe(true);
    expect(isWithinOpenHours(day(0, 1), 1440, allDay)).toBe(false);
    expect(isWithinOpenHours(day(23), 60, { openMinute: 0, closeMinute: 1439 })).toBe(false);
  });

  it("uses the minutes exactly (07:20 – 22:20)", () => {
    const odd = { openMinute: 7 * 60 + 20, closeMinute: 22 * 60 + 20 };
    expect(isWithinOpenHours(day(7, 20), 30, odd)).toBe(true);
    expect(isWithinOpenHours(day(7, 19), 30, odd)).toBe(false);
    expect(isWithinOpenHours(day(21, 50), 30, odd)).toBe(true);
    expect(isWithinOpenHours(day(21, 51), 30, odd)).toBe(false);
  });

  it("judges by the campus zone, not UTC: 08:00 Shanghai is 00:00 UTC", () => {
    const start = new Date(Date.UTC(2030, 3, 15, 0, 0));
    expect(isWithinOpenHours(start, 60, hours)).toBe(true);
    expect(isWithinOpenHours(new Date(Date.UTC(2030, 3, 14, 23, 59)), 60, hours)).toBe(false);
  });
});
