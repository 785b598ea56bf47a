import { asc, count, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { admins, roomUploads, rooms } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { applyRoomsSheet } from "./apply-rooms-sheet";
import { exportRoomsSheet } from "./export-rooms-sheet";
import { previewRoomsSheet } from "./preview-rooms-sheet";
import { ALL_HEADERS, HEADERS, SHEET_NAME } from "./sheet-format";
import { uploadRoomsSheet } from "./upload-rooms-sheet";

useTestDb();
const errOf = (p: Promise<unknown>) => p.then(() => null, (e) => ({ code: e.code, message: e.message }));
const roomsNow = async () =>
  (await (await getDb()).select().from(rooms).orderBy(asc(rooms.id))).map(({ id, place, size, available }) => ({ id, place, size, available }));
let root: SessionAdmin;
let normal: SessionAdmin;

beforeEach(async () => {
  const db = await getDb();
  await db.execute(sql`truncate admins, rooms, room_uploads restart identity cascade`);
  const [r, n] = await db
    .insert(admins)
    .values([
      { username: "admin", passwordHash: "x", privileged: true },
      { username: "normal", passwordHash: "x", privileged: false },
    ])
    .returning();
  root = { id: r.id, username: "admin", privileged: true };
  normal = { id: n.id, username: "normal", privileged: false };
  await db.insert(rooms).values([
    { place: "逸夫楼101", size: 50 },
    { place: "逸夫楼201", size: 40 },
    { place: "图书馆A", size: 12, available: false },
  ]);
});

async function sheet(rows: unknown[][], opts: { name?: string; header?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.name ?? SHEET_NAME);
  if (opts.header !== false) ws.addRow([...HEADERS]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (bytes: Buffer, actor = root) => uploadRoomsSheet(actor, { name: "rooms.xlsx", bytes });

describe("download", () => {
  it("has the legacy sheet, headers, validation, and every room (closed ones too) in id order", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportRoomsSheet(root)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("会议室");
    expect(ws.getRow(1).values).toEqual([undefined, "会议室地点", "可容纳人数(单位：人)", "是否开放(0关闭,1开放,不填默认开放)", "楼宇", "楼层", "设备(用、分隔)", "介绍"]);
    const data = [2, 3, 4].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(data).toEqual([
      ["逸夫楼101", 50, 1],
      ["逸夫楼201", 40, 1],
      ["图书馆A", 12, 0],
    ]);
    expect(ws.rowCount).toBe(4);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv["B2"]).toMatchObject({ type: "whole", operator: "greaterThan", formulae: [0] });
    expect(dv["C5"]).toMatchObject({ type: "whole", operator: "between", formulae: [0, 1] });
  });

  it("the template has headers only; normal admins get 1006", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportRoomsSheet(root, { template: true })) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(1);
    expect(await errOf(exportRoomsSheet(normal))).toMatchObject({ code: 1006 });
  });
});

describe("round trip", () => {
  it("download → upload → apply changes nothing", async () => {
    const before = await roomsNow();
    await upload(await exportRoomsSheet(root));
    const preview = await previewRoomsSheet(root);
    expect(preview).toMatchObject({ added: [], updated: [], closed: [], unchanged: 3, invalid: [] });
    await applyRoomsSheet(root);
    expect(await roomsNow()).toEqual(before);
    // The upload is consumed.
    expect(await errOf(applyRoomsSheet(root))).toEqual({ code: 1012, message: "配置会议室数据失败，请检查上传的表格数据是否规范" });
  });
});

describe("room facts columns (D–G)", () => {
  it("export → edit facts → preview and apply them; a legacy three-column sheet leaves facts alone", async () => {
    const db = await getDb();
    await db.update(rooms).set({ building: "逸夫楼", floor: "1", equipment: ["投影仪"] }).where(eq(rooms.place, "逸夫楼101"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportRoomsSheet(root)) as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(2).values as unknown[]).slice(1)).toEqual(["逸夫楼101", 50, 1, "逸夫楼", "1", "投影仪"]);

    const facts = async (place: string) => (await db.select().from(rooms).where(eq(rooms.place, place)))[0];
    const withFacts = async (rows: unknown[][]) => {
      const out = new ExcelJS.Workbook();
      const ws = out.addWorksheet(SHEET_NAME);
      ws.addRow([...ALL_HEADERS]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await out.xlsx.writeBuffer());
    };
    await upload(await withFacts([
      ["逸夫楼101", 50, 1, "逸夫楼", "2", "白板、投影仪", "改过"],
      ["逸夫楼201", 40, 1],
      ["图书馆A", 12, 0, "图书馆", 3, null, null],
      ["新楼 301", 30, 1, "新楼", "B1", "电视", null],
    ]));
    const preview = await previewRoomsSheet(root);
    expect(preview.invalid).toEqual([]);
    expect(preview.added).toEqual([{ row: 5, place: "新楼 301", size: 30, available: 1, facts: { building: "新楼", floor: "B1", equipment: ["电视"], description: "" } }]);
    expect(preview.updated.map((u) => [u.place, u.facts?.after])).toEqual([
      ["逸夫楼101", { building: "逸夫楼", floor: "2", equipment: ["投影仪", "白板"], description: "改过" }],
      ["图书馆A", { building: "图书馆", floor: "3", equipment: [], description: "" }],
    ]);
    await applyRoomsSheet(root);
    expect(await facts("逸夫楼101")).toMatchObject({ floor: "2", equipment: ["投影仪", "白板"], description: "改过" });
    expect(await facts("新楼 301")).toMatchObject({ building: "新楼", floor: "B1", equipment: ["电视"] });

    // The legacy template (three columns) changes sizes only.
    await upload(await sheet([["逸夫楼101", 60, 1], ["逸夫楼201", 40, 1], ["图书馆A", 12, 0], ["新楼 301", 30, 1]]));
    await applyRoomsSheet(root);
    expect(await facts("逸夫楼101")).toMatchObject({ size: 60, floor: "2", equipment: ["投影仪", "白板"] });
  });

  it("unknown equipment or an over-long building is refused with its cell", async () => {
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet(SHEET_NAME);
    ws.addRow([...ALL_HEADERS]);
    ws.addRow(["逸夫楼101", 50, 1, "x".repeat(65), null, "激光笔"]);
    await upload(Buffer.from(await out.xlsx.writeBuffer()));
    const preview = await previewRoomsSheet(root);
    expect(preview.invalid).toEqual([
      { row: 2, column: "D", why: "不能超过64个字符" },
      { row: 2, column: "F", why: "未知设备：激光笔" },
    ]);
    expect(await errOf(applyRoomsSheet(root))).toMatchObject({ code: 1012, message: expect.stringContaining("第2行D列不能超过64个字符") });
  });
});

describe("apply", () => {
  it("upserts by place keeping ids, adds new rooms, closes absent ones, blank C = open", async () => {
    const before = await roomsNow();
    await upload(await sheet([["逸夫楼201", 45, 0], ["图书馆A", 12, null], ["新楼 301", "30"]]));
    const preview = await previewRoomsSheet(root);
    expect(preview.added).toEqual([{ row: 4, place: "新楼 301", size: 30, available: 1 }]);
    expect(preview.updated.map((u) => [u.roomId, u.after])).toEqual([
      [before[1].id, { size: 45, available: 0 }],
      [before[2].id, { size: 12, available: 1 }],
    ]);
    expect(preview.closed).toEqual([{ roomId: before[0].id, place: "逸夫楼101" }]);
    // Preview writes nothing.
    expect(await roomsNow()).toEqual(before);

    await applyRoomsSheet(root);
    const after = await roomsNow();
    expect(after).toEqual([
      { id: before[0].id, place: "逸夫楼101", size: 50, available: false },
      { id: before[1].id, place: "逸夫楼201", size: 45, available: false },
      { id: before[2].id, place: "图书馆A", size: 12, available: true },
      { id: expect.any(Number), place: "新楼 301", size: 30, available: true },
    ]);
    expect((await (await getDb()).select({ n: count() }).from(roomUploads))[0].n).toBe(0);
  });

  const refusals: [string, unknown[][], string][] = [
    ["size not a number", [["A", 5], ["B", "很多"]], "配置会议室数据失败：第3行B列必须是整数"],
    ["size zero", [["A", 0]], "配置会议室数据失败：第2行B列必须大于0"],
    ["size fractional", [["A", 2.5]], "配置会议室数据失败：第2行B列必须是整数"],
    ["size missing", [["A", null, 1]], "配置会议室数据失败：第2行B列不能为空"],
    ["open flag 2", [["A", 5, 2]], "配置会议室数据失败：第2行C列必须是0或1"],
    ["place missing", [["A", 5], [null, 5, 1]], "配置会议室数据失败：第3行A列不能为空"],
    ["place too long", [["x".repeat(65), 5]], "配置会议室数据失败：第2行A列不能超过64个字符"],
    ["duplicate place", [["A", 5], ["B", 6], ["A", 7]], "配置会议室数据失败：第4行A列与第2行重复"],
    ["several errors", [["A", 0], ["B", -1]], "配置会议室数据失败：第2行B列必须大于0（共2处错误）"],
    ["no rooms", [], "配置会议室数据失败：表格中没有会议室数据"],
  ];
  for (const [name, rows, message] of refusals) {
    it(`refuses the whole sheet naming row and column: ${name}`, async () => {
      const before = await roomsNow();
      await upload(await sheet(rows));
      expect(await errOf(applyRoomsSheet(root))).toEqual({ code: 1012, message });
      expect(await roomsNow()).toEqual(before);
      // The upload stays for the admin to see in the preview.
      expect((await previewRoomsSheet(root)).invalid.length + (rows.length === 0 ? 1 : 0)).toBeGreaterThan(0);
    });
  }

  it("skips rows that are empty to the eye (blank, spaces, zero-width characters) wherever they are", async () => {
    await upload(await sheet([["逸夫楼101", 50], [null, null, null], ["\u200b", " ", "\ufeff"], ["\u3000", "\u200b\u200b"], ["新楼 301", 30]]));
    const before = (await roomsNow()).map((r) => r.place);
    await applyRoomsSheet(root);
    expect((await roomsNow()).map((r) => r.place)).toEqual([...before, "新楼 301"]);
  });

  it("reads the open column as people write it: 1/0, 是/否, 开放/关闭, true/false, Excel TRUE/FALSE", async () => {
    const rows = [
      ["甲", 5, "是"], ["乙", 5, "否"], ["丙", 5, "开放"], ["丁", 5, "关闭"], ["戊", 5, "TRUE"], ["己", 5, "false"],
      ["庚", 5, true], ["辛", 5, false], ["壬", 5, 1], ["癸", 5, "0"], ["子", 5, " 是 "],
    ];
    await upload(await sheet(rows));
    await applyRoomsSheet(root);
    const open = Object.fromEntries((await roomsNow()).map((r) => [r.place, r.available]));
    expect(open).toMatchObject({ 甲: true, 乙: false, 丙: true, 丁: false, 戊: true, 己: false, 庚: true, 辛: false, 壬: true, 癸: false, 子: true });
  });

  it("still refuses other open values and logical values where a size belongs", async () => {
    await upload(await sheet([["甲", 5, "也许"]]));
    expect(await errOf(applyRoomsSheet(root))).toMatchObject({ code: 1012, message: expect.stringContaining("第2行C列") });
    await upload(await sheet([["乙", true]]));
    expect(await errOf(applyRoomsSheet(root))).toMatchObject({ code: 1012, message: expect.stringContaining("第2行B列") });
  });

  it("reads the first sheet whatever its name, and numeric places as text", async () => {
    await upload(await sheet([["逸夫楼101", 50], ["逸夫楼201", 40], ["图书馆A", 12, 0], [3001, 8]], { name: "Sheet1" }));
    await applyRoomsSheet(root);
    expect((await roomsNow()).map((r) => r.place)).toContain("3001");
  });

  it("without an upload answers the legacy 1012", async () => {
    expect(await errOf(applyRoomsSheet(root))).toMatchObject({ code: 1012 });
    expect(await errOf(previewRoomsSheet(root))).toMatchObject({ code: 1012 });
  });

  it("uploads are per admin and only super admins may upload or apply", async () => {
    const other = { id: (await (await getDb()).insert(admins).values({ username: "root2", privileged: true }).returning())[0].id, username: "root2", privileged: true };
    await upload(await sheet([["only-root", 1]]));
    expect(await errOf(applyRoomsSheet(other))).toMatchObject({ code: 1012 });
    expect(await errOf(upload(await sheet([["x", 1]]), normal))).toMatchObject({ code: 1006 });
    expect(await errOf(applyRoomsSheet(normal))).toMatchObject({ code: 1006 });
  });
});

describe("upload", () => {
  it("keeps the file name, replaces an earlier upload", async () => {
    expect(await uploadRoomsSheet(root, { name: "C:\\Users\\me\\会议室 v2.xlsx", bytes: await sheet([["A", 1]]) })).toEqual({ filename: "会议室 v2.xlsx" });
    await upload(await sheet([["B", 2]]));
    const rows = await (await getDb()).select().from(roomUploads).where(eq(roomUploads.adminId, root.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].filename).toBe("rooms.xlsx");
  });

  it("refuses what is not an xlsx with 4004, keeping the earlier upload", async () => {
    await upload(await sheet([["A", 1]]));
    const zipNotXlsx = Buffer.from("504b030414000000080000000000", "hex");
    for (const bytes of [Buffer.from("place,size\nA,1\n"), zipNotXlsx, Buffer.alloc(0), Buffer.alloc(6 * 1024 * 1024, 1)]) {
      expect(await errOf(upload(bytes))).toEqual({ code: 4004, message: "表格文件上传失败" });
    }
    expect(await errOf(uploadRoomsSheet(root, undefined))).toMatchObject({ code: 4004 });
    expect((await previewRoomsSheet(root)).added.map((a) => a.place)).toEqual(["A"]);
  });

  it("ignores a hostile whole-sheet validation range instead of expanding it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET_NAME);
    ws.addRow([...HEADERS]);
    ws.addRow(["逸夫楼101", 50]);
    (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("A1:XFD1048576", {
      type: "whole",
      operator: "greaterThan",
      formulae: [0],
    });
    // Expanded, this range is 17 billion cells: the test would run out of memory or time.
    await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await previewRoomsSheet(root)).closed.map((c) => c.place)).toEqual(["逸夫楼201"]);
  });
});
