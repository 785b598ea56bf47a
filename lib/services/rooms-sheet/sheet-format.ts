// The legacy room spreadsheet layout (legacy-behaviour §6.11): clients keep their filled-in templates. Columns D–G
// (room facts) are new: a sheet without them (an old template) leaves the facts of its rooms unchanged.
import "server-only";

export const SHEET_NAME = "会议室";
export const HEADERS = ["会议室地点", "可容纳人数(单位：人)", "是否开放(0关闭,1开放,不填默认开放)"] as const;
export const FACT_HEADERS = ["楼宇", "楼层", "设备(用、分隔)", "介绍"] as const;
/** Every column of the template and the export, in order (A–G). */
export const ALL_HEADERS = [...HEADERS, ...FACT_HEADERS] as const;
export type SheetColumn = "A" | "B" | "C" | "D" | "E" | "F" | "G";
export const EQUIPMENT_SEPARATOR = "、";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const SHEET_MAX_BYTES = 5 * 1024 * 1024;
export const SHEET_MAX_ROWS = 5000;

/** The 1012 text of a spreadsheet refused as a zip or cell bomb. */
export const SHEET_TOO_LARGE = `表格过大（最多${SHEET_MAX_ROWS}行，解压后不超过20MB）`;
