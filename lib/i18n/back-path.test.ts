import { describe, expect, it } from "vitest";
import { backPath } from "./back-path";

describe("backPath", () => {
  const app = "https://rooms.campus.example";
  it("returns to our own page, query included", () => {
    expect(backPath(`${app}/meeting/room/3/2030-01-02?start=10:00`, app)).toBe("/meeting/room/3/2030-01-02?start=10:00");
    expect(backPath(`${app}/meeting`, app)).toBe("/meeting");
  });
  it("never leaves the app", () => {
    expect(backPath("https://evil.example/meeting/my", app)).toBe("/meeting");
    expect(backPath(`${app}/other`, app)).toBe("/meeting");
    expect(backPath(`${app}/meetingx`, app)).toBe("/meeting");
    expect(backPath("not a url", app)).toBe("/meeting");
    expect(backPath(null, app)).toBe("/meeting");
  });
});
