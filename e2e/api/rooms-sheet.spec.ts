import { expect, test, type APIRequestContext } from "@playwright/test";
import ExcelJS from "exceljs";
import { disposeRoles, makeRoles, ROLES, type Role, type Roles } from "../helpers/roles";
import { SAME_ORIGIN } from "../helpers/auth";

let r: Roles;
test.beforeAll(async () => {
  r = await makeRoles("rs");
});
test.afterAll(async () => disposeRoles(r));

interface Room {
  roomId: number;
  place: string;
  size: number;
  available: number;
}
const HEADERS = ["会议室地点", "可容纳人数(单位：人)", "是否开放(0关闭,1开放,不填默认开放)"];
/** The download adds the room facts (D–G); uploads of the legacy three columns keep working (they use HEADERS). */
const EXPORT_HEADERS = [...HEADERS, "楼宇", "楼层", "设备(用、分隔)", "介绍"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NO_ADMIN = { errcode: 1005, errmsg: "管理员身份过期，请重新登录" };
const NOT_SUPER = { errcode: 1006, errmsg: "管理员权限不足" };
const tag = () => `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;

const rooms = async (): Promise<Room[]> => (await (await r.superAdmin.get("/meeting/api/admin/rooms")).json()).rooms;
const download = async (ctx: APIRequestContext = r.superAdmin, q = "") => ctx.get(`/meeting/rooms/download${q}`);
async function readSheet(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: ws.name, rows };
}
async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("会议室");
  ws.addRow(HEADERS);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (ctx: APIRequestContext, buffer: Buffer, name = "rooms.xlsx") =>
  ctx.post("/meeting/rooms/upload", { multipart: { rooms: { name, mimeType: XLSX, buffer } } });
const apply = async (ctx: APIRequestContext = r.superAdmin) => (await ctx.get("/meeting/rooms/set", { headers: SAME_ORIGIN })).json();
const currentAsRows = async () => (await rooms()).map((x) => [x.place, x.size, x.available]);

test.describe("GET /rooms/download", () => {
  test("contract: xlsx with the legacy sheet name, headers, and every room", async () => {
    const res = await download();
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe(XLSX);
    expect(res.headers()["content-disposition"]).toContain("attachment");
    const { name, rows } = await readSheet(await res.body());
    expect(name).toBe("会议室");
    expect(rows[0]).toEqual(EXPORT_HEADERS);
    expect(rows.slice(1).map((row) => row.slice(0, 3))).toEqual(await currentAsRows());
  });

  test("?template=1 is the empty template", async () => {
    const { rows } = await readSheet(await (await download(r.superAdmin, "?template=1")).body());
    expect(rows).toEqual([EXPORT_HEADERS]);
  });

  const expected: Record<Role, number> = { anonymous: 1005, user: 1005, otherUser: 1005, admin: 1006, superAdmin: 0 };
  for (const role of ROLES) {
    test(`authorization: ${role} → ${expected[role] || "file"}`, async () => {
      const res = await download(r[role]);
      if (expected[role] === 0) return expect(res.headers()["content-type"]).toBe(XLSX);
      expect(res.headers()["content-type"]).toContain("text/html");
      const html = await res.text();
      expect(html).toContain(`data-errcode="${expected[role]}"`);
      expect(html).toContain('href="/meeting/admin"');
    });
  }

  test("bad input: template wrong type", async () => {
    const html = await (await download(r.superAdmin, "?template=maybe")).text();
    expect(html).toContain('data-errcode="4002"');
  });
});

test.describe("POST /rooms/upload, GET /api/admin/rooms/preview, GET /rooms/set", () => {
  test("round trip: download → upload → apply changes nothing", async () => {
    const before = await rooms();
    const up = await upload(r.superAdmin, await (await download()).body(), "会议室.xlsx");
    expect(await up.json()).toEqual({ code: 0, msg: "表格文件上传成功", data: { filename: "会议室.xlsx" } });
    const preview = await (await r.superAdmin.get("/meeting/api/admin/rooms/preview")).json();
    expect(preview).toEqual({
      errcode: 0,
      errmsg: "ok",
      preview: { filename: "会议室.xlsx", added: [], updated: [], closed: [], unchanged: before.length, invalid: [] },
    });
    expect(await apply()).toEqual({ errcode: 0, errmsg: "配置会议室成功" });
    expect(await rooms()).toEqual(before);
    // The upload was consumed.
    expect(await apply()).toEqual({ errcode: 1012, errmsg: "配置会议室数据失败，请检查上传的表格数据是否规范" });
  });

  test("apply upserts by place keeping ids, adds new rooms and closes absent ones", async () => {
    const extra = tag();
    const created = (await (await r.superAdmin.post("/meeting/api/admin/rooms", { form: { place: extra, size: "8" } })).json()).room as Room;
    const before = await rooms();
    const kept = before.filter((x) => x.roomId !== created.roomId).map((x) => [x.place, x.size, x.available]);
    const added = tag();
    await upload(r.superAdmin, await sheet([...kept, [added, 12]]));
    const preview = (await (await r.superAdmin.get("/meeting/api/admin/rooms/preview")).json()).preview;
    expect(preview.added).toEqual([{ row: kept.length + 2, place: added, size: 12, available: 1 }]);
    expect(preview.closed).toEqual([{ roomId: created.roomId, place: extra }]);
    expect(await apply()).toEqual({ errcode: 0, errmsg: "配置会议室成功" });
    const after = await rooms();
    for (const b of before) expect(after.find((a) => a.roomId === b.roomId)).toEqual(b.roomId === created.roomId ? { ...b, available: 0 } : b);
    expect(after.find((a) => a.place === added)).toMatchObject({ size: 12, available: 1 });
  });

  const invalid: [string, (current: unknown[][]) => unknown[][], string][] = [
    ["size text", (c) => [...c, ["bad-size", "很多"]], "B列必须是整数"],
    ["size zero", (c) => [...c, ["zero-size", 0]], "B列必须大于0"],
    ["open flag out of range", (c) => [...c, ["flag", 5, 3]], "C列必须是0或1"],
    ["place missing", (c) => [...c, [null, 5, 1]], "A列不能为空"],
    ["place oversized", (c) => [...c, ["x".repeat(65), 5]], "A列不能超过64个字符"],
    ["duplicate place", (c) => [...c, [c[0][0], 5]], "A列与第2行重复"],
  ];
  for (const [name, build, why] of invalid) {
    test(`bad input: ${name} refuses the whole sheet naming row and column; nothing changes`, async () => {
      const current = await currentAsRows();
      const before = await rooms();
      await upload(r.superAdmin, await sheet(build(current.map((row, i) => (i === 0 ? [row[0], Number(row[1]) + 1, row[2]] : row)))));
      const body = await apply();
      expect(body).toEqual({ errcode: 1012, errmsg: `配置会议室数据失败：第${current.length + 2}行${why}` });
      expect(await rooms()).toEqual(before);
    });
  }

  test("bad input: an empty sheet is refused, nothing closed", async () => {
    const before = await rooms();
    await upload(r.superAdmin, await sheet([]));
    expect(await apply()).toEqual({ errcode: 1012, errmsg: "配置会议室数据失败：表格中没有会议室数据" });
    expect(await rooms()).toEqual(before);
  });

  const badUploads: [string, () => Promise<Parameters<APIRequestContext["post"]>[1]>][] = [
    ["missing field", async () => ({ multipart: { other: "x" } })],
    ["a text file named .xlsx", async () => ({ multipart: { rooms: { name: "rooms.xlsx", mimeType: XLSX, buffer: Buffer.from("place,size\nA,1") } } })],
    ["empty file", async () => ({ multipart: { rooms: { name: "rooms.xlsx", mimeType: XLSX, buffer: Buffer.alloc(0) } } })],
    ["wrong type (text field)", async () => ({ multipart: { rooms: "not a file" } })],
    ["oversized", async () => ({ multipart: { rooms: { name: "rooms.xlsx", mimeType: XLSX, buffer: Buffer.concat([await sheet([]), Buffer.alloc(5 * 1024 * 1024)]) } } })],
  ];
  for (const [name, make] of badUploads) {
    test(`upload bad input: ${name} → 4004, the earlier upload is kept`, async () => {
      const first = tag();
      await upload(r.superAdmin, await sheet([...(await currentAsRows()), [first, 3]]));
      const res = await r.superAdmin.post("/meeting/rooms/upload", await make());
      expect(await res.json()).toEqual({ code: 4004, msg: "表格文件上传失败" });
      const preview = (await (await r.superAdmin.get("/meeting/api/admin/rooms/preview")).json()).preview;
      expect(preview.added.map((a: { place: string }) => a.place)).toEqual([first]);
    });
  }

  test("a cross-site request cannot apply a sheet", async () => {
    const before = await rooms();
    await upload(r.superAdmin, await sheet([...(await currentAsRows()), [tag(), 4]]));
    const res = await r.superAdmin.get("/meeting/rooms/set", { headers: { "sec-fetch-site": "cross-site" } });
    expect((await res.json()).errcode).toBe(4005);
    expect(await rooms()).toEqual(before);
  });

  const uploadExpected: Record<Role, object> = { anonymous: NO_ADMIN, user: NO_ADMIN, otherUser: NO_ADMIN, admin: NOT_SUPER, superAdmin: { code: 0, msg: "表格文件上传成功", data: { filename: "rooms.xlsx" } } };
  const setExpected: Record<Role, object> = { anonymous: NO_ADMIN, user: NO_ADMIN, otherUser: NO_ADMIN, admin: NOT_SUPER, superAdmin: { errcode: 0, errmsg: "配置会议室成功" } };
  for (const role of ROLES) {
    test(`authorization: ${role}`, async () => {
      const before = await rooms();
      const bytes = await sheet(await currentAsRows());
      expect(await (await upload(r[role], bytes)).json()).toEqual(uploadExpected[role]);
      if (role !== "superAdmin") {
        expect(await (await r[role].get("/meeting/api/admin/rooms/preview")).json()).toEqual(role === "admin" ? NOT_SUPER : NO_ADMIN);
        await upload(r.superAdmin, await sheet([...(await currentAsRows()), [tag(), 2]]));
      }
      expect(await apply(r[role])).toEqual(setExpected[role]);
      if (role !== "superAdmin") expect(await rooms()).toEqual(before);
    });
  }
});

test.describe("/api/admin/rooms (console JSON)", () => {
  test("contract: add, edit, close/open; ids never change", async () => {
    const place = tag();
    const add = await (await r.superAdmin.post("/meeting/api/admin/rooms", { form: { place, size: "20" } })).json();
    expect(add).toEqual({ errcode: 0, errmsg: "ok", room: { roomId: expect.any(Number), place, size: 20, available: 1 } });
    const id = add.room.roomId;
    const edit = await (await r.superAdmin.post(`/meeting/api/admin/rooms/${id}`, { data: { size: 25, place: `${place}b` } })).json();
    expect(edit).toEqual({ errcode: 0, errmsg: "ok", room: { roomId: id, place: `${place}b`, size: 25, available: 1 } });
    const close = await (await r.superAdmin.post(`/meeting/api/admin/rooms/${id}/available`, { form: { available: "0" } })).json();
    expect(close.room).toEqual({ roomId: id, place: `${place}b`, size: 25, available: 0 });
    expect((await rooms()).find((x) => x.roomId === id)).toEqual(close.room);
  });

  for (const role of ROLES) {
    test(`authorization: ${role}`, async () => {
      const expected = role === "superAdmin" ? 0 : role === "admin" ? 1006 : 1005;
      expect((await (await r[role].get("/meeting/api/admin/rooms")).json()).errcode).toBe(expected);
      const place = tag();
      expect((await (await r[role].post("/meeting/api/admin/rooms", { form: { place, size: "3" } })).json()).errcode).toBe(expected);
      expect(!!(await rooms()).find((x) => x.place === place)).toBe(role === "superAdmin");
    });
  }

  test("bad input: missing, empty, wrong type, out of range, oversized, taken, unknown id", async () => {
    const existing = (await rooms())[0];
    const cases: [string, string, Record<string, string>, string][] = [
      ["place missing", "/meeting/api/admin/rooms", { size: "3" }, "数据格式有误(place: 缺少参数)"],
      ["place empty", "/meeting/api/admin/rooms", { place: " ", size: "3" }, "数据格式有误(place: 不能为空)"],
      ["size wrong type", "/meeting/api/admin/rooms", { place: tag(), size: "many" }, "数据格式有误(size: 必须是整数)"],
      ["size out of range", "/meeting/api/admin/rooms", { place: tag(), size: "0" }, "数据格式有误(size: 必须大于0)"],
      ["place oversized", "/meeting/api/admin/rooms", { place: "x".repeat(65), size: "3" }, "数据格式有误(place: 不能超过64个字符)"],
      ["place taken", "/meeting/api/admin/rooms", { place: existing.place, size: "3" }, "数据格式有误(place: 该地点已有会议室)"],
      ["available out of range", `/meeting/api/admin/rooms/${existing.roomId}/available`, { available: "2" }, "数据格式有误(available: 必须是0或1)"],
      ["unknown id", "/meeting/api/admin/rooms/987654", { size: "3" }, "数据格式有误(roomId: 会议室 987654 不存在)"],
      ["id wrong type", "/meeting/api/admin/rooms/abc", { size: "3" }, "数据格式有误(roomId: 必须是整数)"],
    ];
    for (const [name, path, form, errmsg] of cases) {
      const before = await rooms();
      expect(await (await r.superAdmin.post(path, { form })).json(), name).toEqual({ errcode: 4002, errmsg });
      expect(await rooms(), name).toEqual(before);
    }
  });
});
