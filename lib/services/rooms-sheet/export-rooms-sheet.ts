import "server-only";
import { asc } from "drizzle-orm";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import type { SessionAdmin } from "@/lib/auth/session";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import { EQUIPMENT_SEPARATOR, FACT_HEADERS, HEADERS, SHEET_NAME } from "./sheet-format";

const VALIDATED_ROWS = 1000;

/**
 * The room spreadsheet: legacy sheet name, headers and data validation, one row per room (closed ones too) in id
 * order, or an empty template. Generated per request and never stored: nothing is left publicly downloadable.
 */
export async function exportRoomsSheet(actor: SessionAdmin | null, opts: { template?: boolean } = {}): Promise<Buffer> {
  requireSuper(actor);
  const list = opts.template ? [] : await (await getDb()).select().from(rooms).orderBy(asc(rooms.id));
  return roomsWorkbook(list);
}

/** The empty template (legacy static /template.xlsx): public, it holds no data. Same columns as the export. */
export function roomsSheetTemplate(): Promise<Buffer> {
  return roomsWorkbook([]);
}

async function roomsWorkbook(
  list: { place: string; size: number; available: boolean; building: string; floor: string; equipment: string[]; description: string }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAME);
  ws.columns = [
    { header: HEADERS[0], key: "place", width: 28, style: { numFmt: "@" } },
    { header: HEADERS[1], key: "size", width: 22 },
    { header: HEADERS[2], key: "available", width: 36 },
    { header: FACT_HEADERS[0], key: "building", width: 16, style: { numFmt: "@" } },
    { header: FACT_HEADERS[1], key: "floor", width: 10, style: { numFmt: "@" } },
    { header: FACT_HEADERS[2], key: "equipment", width: 30, style: { numFmt: "@" } },
    { header: FACT_HEADERS[3], key: "description", width: 40, style: { numFmt: "@" } },
  ];
  ws.getRow(1).font = { bold: true };
  // Empty facts are left as empty cells (null), not empty strings.
  const orNull = (v: string) => (v === "" ? null : v);
  for (const r of list) {
    ws.addRow({
      place: r.place,
      size: r.size,
      available: r.available ? 1 : 0,
      building: orNull(r.building),
      floor: orNull(r.floor),
      equipment: orNull(r.equipment.join(EQUIPMENT_SEPARATOR)),
      description: orNull(r.description),
    });
  }

  const last = Math.max(VALIDATED_ROWS, list.length + 100);
  // exceljs supports range validations but its typings only declare per-cell ones.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`B2:B${last}`, {
    type: "whole",
    operator: "greaterThan",
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "可容纳人数",
    error: "请输入大于0的整数",
  });
  validations.add(`C2:C${last}`, {
    type: "whole",
    operator: "between",
    formulae: [0, 1],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "是否开放",
    error: "请输入0（关闭）或1（开放），不填默认开放",
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
