import { z } from "zod";

// Room facts (building, floor, equipment, description, check-in) and the room settings (check-in window, extra
// equipment names): one set of rules for the console form, its endpoint and the room spreadsheet.

export const BUILDING_MAX = 64;
export const FLOOR_MAX = 16;
export const DESCRIPTION_MAX = 1000;
export const EQUIPMENT_NAME_MAX = 16;
export const EXTRA_EQUIPMENT_MAX = 30;

const noControl = (s: string) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s);
const text = (max: number) =>
  z
    .string({ error: "必须是文本" })
    .trim()
    .max(max, `不能超过${max}个字符`)
    .refine(noControl, "不能包含控制字符");

export const equipmentNameSchema = z
  .string({ error: "必须是文本" })
  .trim()
  .min(1, "不能为空")
  .max(EQUIPMENT_NAME_MAX, `不能超过${EQUIPMENT_NAME_MAX}个字符`)
  .refine((s) => noControl(s) && !/[,，、;；]/.test(s), "不能包含控制字符或分隔符（逗号、顿号、分号）");

const flag = z.preprocess((v) => {
  const f = Array.isArray(v) ? v[0] : v;
  if (f === "true" || f === "1" || f === 1) return true;
  if (f === "false" || f === "0" || f === 0) return false;
  return f;
}, z.boolean({ error: "必须是 true 或 false" }));

/** A list given as a JSON array, repeated form fields, or one text separated by commas / 、. */
const list = z.preprocess((v) => {
  if (typeof v === "string") {
    const s = v.trim();
    if (s.startsWith("[")) {
      try {
        return JSON.parse(s);
      } catch {
        return v;
      }
    }
    return s === "" ? [] : s.split(/[,，、]/);
  }
  return v;
}, z.array(equipmentNameSchema, { error: "必须是名称列表" }).max(EXTRA_EQUIPMENT_MAX, `最多${EXTRA_EQUIPMENT_MAX}项`));

export const roomFactsSchema = z.object({
  roomId: z.coerce.number({ error: "必须是整数" }).int("必须是整数").positive("必须是正整数").max(2147483647, "超出范围"),
  building: text(BUILDING_MAX).optional(),
  floor: text(FLOOR_MAX).optional(),
  equipment: list.optional(),
  description: text(DESCRIPTION_MAX).optional(),
  checkInRequired: flag.optional(),
});
export type RoomFactsInput = z.infer<typeof roomFactsSchema>;

const minutes = (min: number, max: number) =>
  z.coerce.number({ error: "必须是整数" }).int("必须是整数").min(min, `不能小于${min}`).max(max, `不能大于${max}`);

export const roomSettingsSchema = z.object({
  checkInBeforeMinutes: minutes(0, 240),
  checkInAfterMinutes: minutes(1, 240),
  extraEquipment: list,
});
export type RoomSettingsInput = z.infer<typeof roomSettingsSchema>;
