import { describe, expect, it } from "vitest";
import { gateFor } from "./access-rules";

describe("which paths the edge middleware gates", () => {
  it.each([
    ["/", "user"],
    ["/room/3/2030-01-01", "user"],
    ["/room/3/1893456000000", "user"],
    ["/appointment/3", "user"],
    ["/history/detail/12", "userOrAdmin"],
    ["/my", "user"],
    ["/my/bookings", "user"],
    ["/index", "index"],
    ["/index.html", "index"],
    ["/admin", "admin"],
    ["/admin/", "admin"],
    ["/admin/users", "admin"],
    ["/admin/review", "admin"],
    ["/admin/account", "admin"],
    ["/admin/edit/5", "admin"],
    ["/admin/admins", "super"],
    ["/admin/settings", "super"],
    ["/admin/rooms", "super"],
    ["/manage/settings/openApi", "super"],
  ])("GET %s is a %s page", (path, gate) => {
    expect(gateFor("GET", path)).toBe(gate);
  });

  it.each([
    // legacy JSON endpoints answer 3001 / 1005 / 1006 in the envelope themselves
    "/admin/all",
    "/admin/add",
    "/admin/batch/add",
    "/admin/delete",
    "/admin/password",
    "/admin/edit",
    "/profile",
    "/profile/all",
    "/rooms",
    "/rooms/download",
    "/room/periods",
    "/history/1",
    "/history/3",
    "/check/all",
    "/server",
    "/server/properties",
    "/appointment/cancel/4",
    // sign-in itself, and the WeCom endpoints
    "/admin/login",
    "/admin/qrcode",
    "/admin/qrcode/login",
    "/auth",
    "/auth/start",
    "/signin",
    "/login",
    "/logout",
    "/ticket",
    "/jssdk",
    "/api/health",
    "/api/oapi/gettoken",
    "/avatar/abc.png",
  ])("GET %s passes through", (path) => {
    expect(gateFor("GET", path)).toBe("none");
  });

  it("never gates a non-GET request: those are JSON endpoints", () => {
    for (const path of ["/", "/admin", "/admin/admins", "/appointment", "/rooms", "/my", "/manage/x"]) {
      expect(gateFor("POST", path)).toBe("none");
    }
    expect(gateFor("POST", "/index")).toBe("index"); // legacy ANY /index
  });
});
