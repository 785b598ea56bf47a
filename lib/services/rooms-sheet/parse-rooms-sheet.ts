import "server-only";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { availableSchema, placeSchema, roomSizeSchema, type RoomInput } from "@/lib/validation/room";
import { BUILDING_MAX, DESCRIPTION_MAX, equipmentNameSchema, FLOOR_MAX } from "@/lib/validation/room-facts";
import { z as zod } from "zod";
import { FACT_HEADERS, SHEET_MAX_ROWS, type SheetColumn } from "./sheet-format";
import { assertZipWithinBudget, SheetTooLargeError } from "./zip-guard";

export { SheetTooLargeError };

export interface SheetFacts {
  building: string;
  floor: string;
  equipment: string[];
  description: string;
}

export interface SheetRoom extends RoomInput {
  /** 1-based spreadsheet row. */
  row: number;
  /** Columns D–G, when the sheet has them. */
  facts?: SheetFacts;
}

export interface InvalidCell {
  row: number;
  column: SheetColumn;
  why: string;
}

export interface ParsedSheet {
  rooms: SheetRoom[];
  invalid: InvalidCell[];
}

export class NotASpreadsheetError extends Error {}

const isZip = (buf: Buffer) => buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/**
 * Opens an .xlsx (by content). Validation nodes are not read: a hostile range there could expand to billions of
 * cells. A zip that inflates to more than 20 MB, or a first sheet of more than SHEET_MAX_ROWS rooms, is a
 * SheetTooLargeError (zip and cell bombs), checked before and right after the spreadsheet library reads it.
 */
export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  if (!isZip(buf)) throw new NotASpreadsheetError("not an xlsx (zip) file");
  try {
    assertZipWithinBudget(buf);
  } catch (e) {
    if (e instanceof SheetTooLargeError) throw e;
    throw new NotASpreadsheetError(e instanceof Error ? e.message : String(e));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer, {
      ignoreNodes: ["dataValidations", "conditionalFormatting", "hyperlinks", "extLst"],
    } as never);
  } catch (e) {
    throw new NotASpreadsheetError(e instanceof Error ? e.message : String(e));
  }
  if (wb.worksheets.length === 0) throw new NotASpreadsheetError("no worksheet");
  if (wb.worksheets[0].actualRowCount > SHEET_MAX_ROWS + 1) throw new SheetTooLargeError(`more than ${SHEET_MAX_ROWS} rows`);
  return wb;
}

type Plain = string | number | null | { unsupported: string };

/** Invisible characters real sheets carry (zero-width spaces, BOM, soft hyphen): a cell of only these is empty. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff]/g;

function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const s = value.replace(INVISIBLE, "").trim();
    return s === "" ? null : s;
  }
  if (typeof value === "number") return value;
  // TRUE/FALSE cells: only meaningful in the open column (see openFlag); a size or place cannot be one.
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return { unsupported: "不能是日期" };
  if (typeof value === "object") {
    if ("error" in value) return { unsupported: "是错误值" };
    if ("richText" in value) return plain(value.richText.map((t) => t.text).join(""));
    if ("formula" in value || "sharedFormula" in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value) return plain((value as { text: string }).text);
  }
  return { unsupported: "格式不正确" };
}

const numeric = (v: Plain): unknown => (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

/** What people write in the open column: 1/0, 是/否, 开放/关闭, true/false (any case; Excel's TRUE/FALSE too). */
const OPEN_WORDS: Record<string, number> = {
  "1": 1, "0": 0, "是": 1, "否": 0, "开放": 1, "关闭": 0, "true": 1, "false": 0, "开": 1, "关": 0, "yes": 1, "no": 0,
};
export function openFlag(v: Plain): unknown {
  if (typeof v === "number") return v;
  if (typeof v === "string") return OPEN_WORDS[v.toLowerCase()] ?? v;
  return v;
}
const notBoolean = (v: Plain): Plain => (v === "true" || v === "false" ? { unsupported: "不能是逻辑值" } : v);

function check<T>(schema: z.ZodType<T>, v: unknown): { ok: true; value: T } | { ok: false; why: string } {
  if (v !== null && typeof v === "object" && "unsupported" in v) return { ok: false, why: (v as { unsupported: string }).unsupported };
  const r = schema.safeParse(v);
  return r.success ? { ok: true, value: r.data } : { ok: false, why: r.error.issues[0]?.message ?? "格式不正确" };
}

/**
 * Reads the first sheet: row 1 is the header, every later non-empty row is a room (A place, B size, C open flag,
 * blank C = open). Every problem is reported with its row and column; nothing is silently skipped or truncated.
 */
export async function parseRoomsSheet(buf: Buffer, opts: { equipment?: string[] } = {}): Promise<ParsedSheet> {
  const ws = (await loadWorkbook(buf)).worksheets[0];
  const header = plain(ws.getRow(1).getCell(4).value);
  const withFacts = typeof header === "string" && header === FACT_HEADERS[0];
  const out: ParsedSheet = { rooms: [], invalid: [] };
  if (ws.rowCount > SHEET_MAX_ROWS + 1) {
    out.invalid.push({ row: SHEET_MAX_ROWS + 2, column: "A", why: `表格最多${SHEET_MAX_ROWS}行会议室` });
    return out;
  }
  const firstRowOf = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const [a, b, c, d, e, f, g] = [1, 2, 3, 4, 5, 6, 7].map((col) => plain(row.getCell(col).value));
    const isBool = (col: number) => typeof row.getCell(col).value === "boolean";
    if (a === null && b === null && c === null && (!withFacts || (d === null && e === null && f === null && g === null))) continue;
    const place = check(placeSchema, typeof a === "number" ? String(a) : isBool(1) ? notBoolean(a) : (a ?? ""));
    const size = b === null ? ({ ok: false, why: "不能为空" } as const) : check(roomSizeSchema, numeric(isBool(2) ? notBoolean(b) : b));
    const available = c === null ? ({ ok: true, value: 1 } as const) : check(availableSchema, openFlag(c));
    if (!place.ok) out.invalid.push({ row: r, column: "A", why: place.why });
    else if (firstRowOf.has(place.value)) out.invalid.push({ row: r, column: "A", why: `与第${firstRowOf.get(place.value)}行重复` });
    if (!size.ok) out.invalid.push({ row: r, column: "B", why: size.why });
    if (!available.ok) out.invalid.push({ row: r, column: "C", why: available.why });
    if (place.ok && !firstRowOf.has(place.value)) firstRowOf.set(place.value, r);
    let facts: SheetFacts | undefined;
    if (withFacts) {
      const asText = (v: Plain) => (v === null ? "" : typeof v === "number" ? String(v) : v);
      const building = check(text(BUILDING_MAX), asText(d));
      const floor = check(text(FLOOR_MAX), asText(e));
      const equipment = check(equipmentList(opts.equipment), asText(f));
      const description = check(text(DESCRIPTION_MAX), asText(g));
      if (!building.ok) out.invalid.push({ row: r, column: "D", why: building.why });
      if (!floor.ok) out.invalid.push({ row: r, column: "E", why: floor.why });
      if (!equipment.ok) out.invalid.push({ row: r, column: "F", why: equipment.why });
      if (!description.ok) out.invalid.push({ row: r, column: "G", why: description.why });
      if (building.ok && floor.ok && equipment.ok && description.ok) {
        facts = { building: building.value, floor: floor.value, equipment: equipment.value, description: description.value };
      } else continue;
    }
    if (place.ok && size.ok && available.ok && firstRowOf.get(place.value) === r) {
      out.rooms.push({ row: r, place: place.value, size: size.value, available: available.value === 1, ...(facts ? { facts } : {}) });
    }
  }
  return out;
}

const text = (max: number) =>
  zod
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .refine((v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v), "不能包含控制字符");

/** `投影仪、白板` (also , ，): known names only when `allowed` is given, returned in the allowed list's order. */
function equipmentList(allowed?: string[]) {
  return zod
    .string()
    .transform((v) => [...new Set(v.split(/[、,，]/).map((x) => x.trim()).filter(Boolean))])
    .pipe(zod.array(equipmentNameSchema).max(30, "最多30项"))
    .superRefine((list, ctx) => {
      const unknown = allowed ? list.filter((x) => !allowed.includes(x)) : [];
      if (unknown.length) ctx.addIssue({ code: "custom", message: `未知设备：${unknown.join("、")}` });
    })
    .transform((list) => (allowed ? allowed.filter((x) => list.includes(x)) : list));
}
