import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/login/route";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { uploadRoomsSheet } from "@/lib/services/rooms-sheet/upload-rooms-sheet";

// Upload limits before whole bodies are buffered, and spreadsheet bombs (issue 11 §2.8).

useTestDb();

/** A zip of the given entries, each deflated; `declare` overrides the uncompressed size the headers claim. */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const size = e.declare ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

async function superAdmin() {
  const [row] = await (await getDb()).select().from(admins).where((await import("drizzle-orm")).eq(admins.privileged, true));
  return { id: row.id, username: row.username, privileged: true };
}

describe("room spreadsheet bombs are 1012 and never stored", () => {
  it("a zip inflating to more than 20 MB", async () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(30 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    await expect(uploadRoomsSheet(await superAdmin(), { name: "bomb.xlsx", bytes: bomb })).rejects.toMatchObject({ code: 1012 });
  });

  it("a zip whose headers understate what it inflates to", async () => {
    const liar = zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(30 * 1024 * 1024, 0x20), declare: 1000 }]);
    await expect(uploadRoomsSheet(await superAdmin(), { name: "liar.xlsx", bytes: liar })).rejects.toMatchObject({ code: 1012 });
  });

  it("more than 5,000 rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("会议室");
    ws.addRow(["会议室地点", "可容纳人数", "是否开放"]);
    for (let i = 0; i < 5001; i++) ws.addRow([`R${i}`, 10, 1]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(uploadRoomsSheet(await superAdmin(), { name: "rows.xlsx", bytes })).rejects.toMatchObject({ code: 1012 });
  });
});

describe("request bodies over 6 MB are refused before buffering", () => {
  it("by Content-Length, without reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024 * 1024));
        if (pulled > 10) c.close();
      },
    });
    const req = new Request("http://localhost/meeting/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(7 * 1024 * 1024) },
      body,
      duplex: "half",
    } as RequestInit);
    const res = await login(req);
    expect(await res.json()).toEqual({ errcode: 4002, errmsg: expect.stringContaining("body") });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("a chunked body is read only up to the limit", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024 * 1024));
        if (pulled > 50) c.close();
      },
    });
    const req = new Request("http://localhost/meeting/login", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    } as RequestInit);
    const res = await login(req);
    expect(await res.json()).toEqual({ errcode: 4002, errmsg: expect.stringContaining("body") });
    expect(pulled).toBeLessThan(10);
  });
});
