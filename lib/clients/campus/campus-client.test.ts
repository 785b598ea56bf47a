import { describe, expect, it } from "vitest";
import { getDeptRoles, getUserInfo, hasRole, listAppDepts, listMenus, listOperlogs, postOperlog, pushNotice } from "./api";
import { CampusError } from "./errors";
import { deleteCampusFile, downloadCampusFile, uploadCampusFile } from "./files";
import { campusCall } from "./http";
import { CAMPUS_PATHS } from "./paths";
import { parsePlatformTime, sexOf } from "./read";
import { useFakeCampus } from "./testing/use-fake-campus";

// The API-center client against the fake platform over real HTTP: every seed 002 quirk of integrations §4.3.
describe("campus API center client", () => {
  const fake = useFakeCampus();

  it("sends the three credentials on every call; the platform refuses a call without them", async () => {
    const info = await getUserInfo("zhangsan");
    expect(info).toMatchObject({ userId: 101, userName: "zhangsan", nick: "张三（平台）", sex: 1, phone: "13900000001" });
    expect(info.roles.map((r) => r.code)).toEqual(["wb:user"]);
    const saved = process.env.CAMPUS_API_TOKEN;
    fake().state.token = "another-token";
    const err = await getUserInfo("zhangsan").catch((e) => e);
    expect(err).toBeInstanceOf(CampusError);
    expect(err.kind).toBe("refused");
    fake().state.token = saved!;
  });

  it("GETs documented 'with a JSON body' go out as query strings, never with a body", async () => {
    await listMenus();
    await listAppDepts(2);
    const log = fake().state.log;
    expect(log.some((l) => l.startsWith("GET /api/apicenter/api/client/menus"))).toBe(true);
    expect(log.filter((l) => l.startsWith("GET /api/apicenter/api/user/getAllDeptByApp")).every((l) => /pageNum=\d+&pageSize=2/.test(l))).toBe(true);
  });

  it("reads every page: pages = ceil(total/pageSize), ignoring the answer's pageNum (= total pages)", async () => {
    const depts = await listAppDepts(2);
    expect(depts.map((d) => d.id)).toEqual([1, 2, 3, 4, 5]);
    expect(depts[0].pid).toBeNull(); // pid 0 = top level
    expect(fake().state.counts["/user/getAllDeptByApp"]).toBe(3);
    // An exact multiple stops without an empty extra page.
    fake().state.depts = fake().state.depts.slice(0, 4);
    fake().state.counts = {};
    expect(await listAppDepts(2)).toHaveLength(4);
    expect(fake().state.counts["/user/getAllDeptByApp"]).toBe(2);
  });

  it("hasRole: code 500 with the two documented messages means no; other failures are errors", async () => {
    expect(await hasRole("chenjiaoshou", "meeting:super")).toBe(true);
    expect(await hasRole("zhangsan", "meeting:super")).toBe(false); // 用户没有当前角色权限!
    expect(await hasRole("zhangsan", "no:such-role")).toBe(false); // 当前角色不存在,请刷新重试
    await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["/user/hasRole"], times: 1 }) });
    expect(await hasRole("zhangsan", "meeting:super").catch((e) => e)).toBeInstanceOf(CampusError);
  });

  it("operation-log lists are read in camelCase or snake_case", async () => {
    const base = { title: "t", method: "m", requestMethod: "POST", operatorType: 1, operName: "admin", operUrl: "/x", operIp: "127.0.0.1", operParam: "{}", jsonResult: "{}", status: 0 as const, errorMsg: "", operTime: "2026-12-05 10:00:00" };
    await postOperlog({ ...base, businessType: 2 });
    const camel = await listOperlogs();
    expect(camel.rows[0]).toMatchObject({ title: "t", businessType: 2, operName: "admin", status: 0, operTime: "2026-12-05 10:00:00" });
    fake().state.operlogCase = "snake";
    const snake = await listOperlogs();
    expect(snake.rows[0]).toEqual(camel.rows[0]);
  });

  it("id lists of notice/push are comma-separated strings and our JSON passes a strict parser", async () => {
    const id = await pushNotice({ userName: "zhangsan", title: "标题", content: "内容", availableTimeStart: "2026-12-05", availableTimeEnd: "2026-12-06", userIds: "101", channelCodes: "MC00003" });
    expect(id).toBeGreaterThan(0);
    expect(fake().state.notices[0].body).toMatchObject({ userIds: "101", channelCodes: "MC00003" });
    // The fake's parser refuses what the seed's examples contain (a trailing comma): a client bug would show here.
    const res = await fetch(`${fake().url}${CAMPUS_PATHS.noticePush}`, {
      method: "POST",
      headers: { "api-token": "test-campus-token", clientId: "meeting-test", clientSecret: "test-campus-secret", "content-type": "application/json" },
      body: '{"title":"x",}',
    });
    expect((await res.json()).code).toBe(500);
  });

  it("no answer within the timeout is `unavailable`; an HTML error page is `unavailable` too", async () => {
    await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["/user/deptRoles"], mode: "hang", times: 1 }) });
    const t0 = Date.now();
    const e1 = await getDeptRoles("zhangsan").catch((e) => e);
    expect(e1).toMatchObject({ kind: "unavailable" });
    expect(Date.now() - t0).toBeLessThan(3000);
    await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["/user/deptRoles"], mode: "http", times: 1 }) });
    expect(await getDeptRoles("zhangsan").catch((e) => e)).toMatchObject({ kind: "unavailable" });
    expect(await campusCall("GET", "/api/apicenter/api/no/such/thing").catch((e) => e)).toMatchObject({ kind: "refused", code: 404 });
  });

  it("files: multipart upload (userName in form and query), download, delete (once)", async () => {
    const f = await uploadCampusFile(Buffer.from("hello 文件"), "说明.txt", "text/plain", "admin");
    expect(f.id).toMatch(/^[0-9a-f]{32}$/);
    expect(fake().state.log.at(-1)).toContain("userName=admin");
    const dl = await downloadCampusFile(f.id);
    expect(Buffer.from(await new Response(dl.body).arrayBuffer()).toString()).toBe("hello 文件");
    await deleteCampusFile(f.id);
    expect(fake().state.deletedFiles).toEqual([f.id]);
    expect(await downloadCampusFile(f.id).catch((e) => e)).toMatchObject({ kind: "refused", platformMessage: "当前文件不存在" });
    expect(fake().state.counts["/file/client/delete"]).toBe(1);
  });

  it("normalises sex and zone-less times", () => {
    expect([sexOf("男"), sexOf("女"), sexOf("1"), sexOf("2"), sexOf(""), sexOf(null)]).toEqual([1, 2, 1, 2, 0, 0]);
    expect(parsePlatformTime("2026-12-05 08:00:00")?.toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(parsePlatformTime("2026-12-05T08:00:00+08:00")?.toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });
});
