import { z } from "zod";
import { intInput } from "./common";

// One set of room rules, shared by the admin console's JSON endpoints and the room spreadsheet.

export const PLACE_MAX = 64;
export const SIZE_MAX = 100000;

export const placeSchema = z
  .string({ error: "必须是文本" })
  .trim()
  .min(1, "不能为空")
  .max(PLACE_MAX, `不能超过${PLACE_MAX}个字符`)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "不能包含控制字符");

export const roomSizeSchema = z
  .number({ error: (iss) => (iss.input === undefined ? "请填写容纳人数" : "必须是整数") })
  .int("必须是整数")
  .min(1, "必须大于0")
  .max(SIZE_MAX, `不能大于${SIZE_MAX}`);

/** 0 closed, 1 open (legacy `available`). */
export const availableSchema = z
  .number({ error: "必须是0或1" })
  .int("必须是0或1")
  .min(0, "必须是0或1")
  .max(1, "必须是0或1");

export interface RoomInput {
  place: string;
  size: number;
  available: boolean;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const f = first(v);
  return typeof f === "string" && f.trim() === "" ? undefined : f;
};
const numberParam = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => {
    const f = blank(v);
    return typeof f === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(f) ? Number(f) : f;
  }, inner);
const availableParam = z.preprocess((v) => {
  const f = blank(v);
  if (f === "true") return 1;
  if (f === "false") return 0;
  return typeof f === "string" && /^\s*\d+\s*$/.test(f) ? Number(f) : f;
}, availableSchema);

/** POST /api/admin/rooms: a new room; `available` defaults to open, as in the spreadsheet. */
export const addRoomSchema = z.object({
  place: z.preprocess(first, placeSchema),
  size: numberParam(roomSizeSchema),
  available: availableParam.optional(),
});

/** POST /api/admin/rooms/{roomId}: any of the fields; absent ones are kept. */
export const editRoomSchema = z.object({
  roomId: z.preprocess(intInput, z.number({ error: "必须是整数" }).int("必须是整数").positive("必须是正整数").max(2147483647, "超出范围")),
  place: z.preprocess(blank, placeSchema.optional()),
  size: numberParam(roomSizeSchema.optional()),
  available: z.preprocess(blank, availableParam.optional()),
});

export const setRoomAvailabilitySchema = z.object({
  roomId: editRoomSchema.shape.roomId,
  available: availableParam,
});

export type AddRoomInput = z.infer<typeof addRoomSchema>;
export type EditRoomInput = z.infer<typeof editRoomSchema>;
export type SetRoomAvailabilityInput = z.infer<typeof setRoomAvailabilitySchema>;
