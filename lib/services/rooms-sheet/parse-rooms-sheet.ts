import ExcelJS from "exceljs";
import type { z } from "zod";
import { availableSchema, placeSchema, roomSizeSchema, type RoomInput } from "@/lib/validation/room";
import { SHEET_MAX_ROWS } from "./sheet-format";
import { assertZipWithinBudget, SheetTooLargeError } from "./zip-guard";

export { SheetTooLargeError };

export interface SheetRoom extends RoomInput {
  /** 1-based spreadsheet row. */
  row: number;
}

export interface InvalidCell {
  row: number;
  column: "A" | "B" | "C";
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

function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return { unsupported: "不能是逻辑值" };
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

function check<T>(schema: z.ZodType<T>, v: unknown): { ok: true; value: T } | { ok: false; why: string } {
  if (v !== null && typeof v === "object" && "unsupported" in v) return { ok: false, why: (v as { unsupported: string }).unsupported };
  const r = schema.safeParse(v);
  return r.success ? { ok: true, value: r.data } : { ok: false, why: r.error.issues[0]?.message ?? "格式不正确" };
}

/**
 * Reads the first sheet: row 1 is the header, every later non-empty row is a room (A place, B size, C open flag,
 * blank C = open). Every problem is reported with its row and column; nothing is silently skipped or truncated.
 */
export async function parseRoomsSheet(buf: Buffer): Promise<ParsedSheet> {
  const ws = (await loadWorkbook(buf)).worksheets[0];
  const out: ParsedSheet = { rooms: [], invalid: [] };
  if (ws.rowCount > SHEET_MAX_ROWS + 1) {
    out.invalid.push({ row: SHEET_MAX_ROWS + 2, column: "A", why: `表格最多${SHEET_MAX_ROWS}行会议室` });
    return out;
  }
  const firstRowOf = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const [a, b, c] = [1, 2, 3].map((col) => plain(row.getCell(col).value));
    if (a === null && b === null && c === null) continue;
    const place = check(placeSchema, typeof a === "number" ? String(a) : (a ?? ""));
    const size = b === null ? ({ ok: false, why: "不能为空" } as const) : check(roomSizeSchema, numeric(b));
    const available = c === null ? ({ ok: true, value: 1 } as const) : check(availableSchema, numeric(c));
    if (!place.ok) out.invalid.push({ row: r, column: "A", why: place.why });
    else if (firstRowOf.has(place.value)) out.invalid.push({ row: r, column: "A", why: `与第${firstRowOf.get(place.value)}行重复` });
    if (!size.ok) out.invalid.push({ row: r, column: "B", why: size.why });
    if (!available.ok) out.invalid.push({ row: r, column: "C", why: available.why });
    if (place.ok && !firstRowOf.has(place.value)) firstRowOf.set(place.value, r);
    if (place.ok && size.ok && available.ok && firstRowOf.get(place.value) === r) {
      out.rooms.push({ row: r, place: place.value, size: size.value, available: available.value === 1 });
    }
  }
  return out;
}
