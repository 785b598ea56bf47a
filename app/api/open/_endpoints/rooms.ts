// POST /api/open/room/{list,get,add,update,remove} – Open API rooms (integrations.md §3.2 #14–18)
import { z } from "zod";
import { openRoute } from "@/lib/http/open";
import { getOapiRoom } from "@/lib/services/rooms/get-oapi-room";
import { listOapiRooms } from "@/lib/services/rooms/list-oapi-rooms";
import { removeOapiRoom } from "@/lib/services/rooms/remove-oapi-room";
import { addOapiRoom, updateOapiRoom } from "@/lib/services/rooms/write-room";
import { minutesOf, oFlag, oHourMinute, oId, oIdList, oInt, oNumber, oRequiredText, oSerialId, oText } from "@/lib/validation/open-api";

const roomId = z.object({ roomId: oSerialId });
const fields = z.object({
  departmentId: oText(64).optional(),
  address: oText(255).optional(),
  memo: oText(500).optional(),
  beginTime: oHourMinute.optional(),
  endTime: oHourMinute.optional(),
  capacity: oInt.pipe(z.number().min(1, "不能小于1").max(100000, "超出范围")).optional(),
  size: oInt.pipe(z.number().min(0, "不能小于0").max(1000000, "超出范围")).optional(),
  longitude: oNumber.pipe(z.number().min(-180, "超出范围").max(180, "超出范围")).optional(),
  latitude: oNumber.pipe(z.number().min(-90, "超出范围").max(90, "超出范围")).optional(),
  radius: oInt.pipe(z.number().min(0, "不能小于0").max(100000, "超出范围")).optional(),
  status: oFlag.optional(),
  needAudit: oFlag.optional(),
  permission: oFlag.optional(),
  sceneImage: oText(1024).optional(),
  userIds: oIdList.optional(),
  building: oText(64).optional(),
  floor: oText(16).optional(),
  equipment: z.preprocess((v) => (typeof v === "string" ? v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : v), z.array(z.string().trim().min(1).max(16)).max(30)).optional(),
  description: oText(1000).optional(),
  checkInRequired: oFlag.optional(),
});
const addSchema = fields.extend({ name: oRequiredText(64), id: oId.optional() });
const updateSchema = fields.extend({ id: oSerialId, name: oRequiredText(64).optional() });

/** Open API names → our fields (`capacity` is our size in persons, the Open API's `size` is the area). */
function toFields(i: z.infer<typeof fields>) {
  return {
    ...i,
    area: i.size,
    openMinute: i.beginTime === undefined ? undefined : minutesOf(i.beginTime),
    closeMinute: i.endTime === undefined ? undefined : minutesOf(i.endTime),
  };
}

export const roomEndpoints = {
  list: openRoute({ schema: z.object({}), resource: "room" }, () => listOapiRooms()),
  get: openRoute({ schema: roomId, resource: "room" }, ({ input }) => getOapiRoom(Number(input.roomId))),
  add: openRoute({ schema: addSchema, resource: "room" }, ({ input }) => addOapiRoom({ ...toFields(input), name: input.name })),
  update: openRoute({ schema: updateSchema, resource: "room" }, ({ input }) => updateOapiRoom(Number(input.id), toFields(input))),
  remove: openRoute({ schema: roomId, resource: "room" }, async ({ input }) => {
    await removeOapiRoom(Number(input.roomId));
  }),
};
