// POST /api/open/meeting/{list,get,book,update,cancel,finish} – Open API meetings = our bookings (integrations.md §3.2 #19–24)
import { z } from "zod";
import { openRoute } from "@/lib/http/open";
import { cancelAppointment } from "@/lib/services/booking/cancel-appointment";
import { bookMeeting } from "@/lib/services/meetings/book-meeting";
import { finishMeeting } from "@/lib/services/meetings/finish-meeting";
import { getMeeting } from "@/lib/services/meetings/get-meeting";
import { listMeetings } from "@/lib/services/meetings/list-meetings";
import { updateMeeting } from "@/lib/services/meetings/update-meeting";
import { oInt, oLocalDateTime, oMillis, oPhone, oRequiredText, oSerialId, oText } from "@/lib/validation/open-api";

const meetingId = z.object({ meetingId: oSerialId });
const state = oInt.pipe(z.number().min(0, "只能是0、1或2").max(2, "只能是0、1或2"));
const attendance = z.object({
  userId: oSerialId,
  id: z.unknown().optional(),
  name: oText(64).optional(),
  phone: oPhone.optional(),
  email: oText(254).optional(),
  faceUrl: oText(1024).optional(),
});
/** meeting/update: an attendance `id` must be one of this meeting's attendances (else 71013). */
const updateAttendance = attendance.extend({ id: oSerialId.optional() });
const optional = {
  address: oText(255).optional(),
  memo: oText(500).optional(),
  checkedState: state.optional(),
  id: z.unknown().optional(),
};
const bookSchema = z.object({
  roomId: oSerialId,
  speaker: oRequiredText(64),
  subject: oRequiredText(100),
  beginTime: oMillis,
  endTime: oMillis,
  createdId: oSerialId,
  attendances: z.array(attendance).max(500),
  ...optional,
});
const updateSchema = z.object({
  ...optional,
  id: oSerialId,
  roomId: oSerialId.optional(),
  speaker: oRequiredText(64).optional(),
  subject: oRequiredText(100).optional(),
  beginTime: oMillis.optional(),
  endTime: oMillis.optional(),
  attendances: z.array(updateAttendance).max(500).optional(),
});
const listSchema = z.object({
  roomId: oSerialId.optional(),
  speaker: oText(64).optional(),
  speakerLike: oText(64).optional(),
  checkedState: state.optional(),
  minTime: oLocalDateTime.optional(),
  maxTime: oLocalDateTime.optional(),
  reverseDate: oLocalDateTime.optional(),
  createdBeginTime: oLocalDateTime.optional(),
  createdEndTime: oLocalDateTime.optional(),
  order_by_expression: z.enum(["beginTime", "endTime", "createdTime", "lastUpdateTime", "checkedTime"]).optional(),
  direction: z.preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(["asc", "desc"])).optional(),
});

export const meetingEndpoints = {
  list: openRoute({ schema: listSchema, resource: "meeting" }, ({ input }) =>
    listMeetings({
      ...input,
      roomId: input.roomId === undefined ? undefined : Number(input.roomId),
      checkedState: input.checkedState as 0 | 1 | 2 | undefined,
      orderBy: input.order_by_expression,
    }),
  ),
  get: openRoute({ schema: meetingId, resource: "meeting" }, ({ input }) => getMeeting(Number(input.meetingId))),
  book: openRoute({ schema: bookSchema, resource: "meeting" }, ({ input, caller }) =>
    bookMeeting({ ...input, roomId: Number(input.roomId), createdId: Number(input.createdId) }, caller.appkey),
  ),
  update: openRoute({ schema: updateSchema, resource: "meeting" }, ({ input, caller }) =>
    updateMeeting(
      {
        ...input,
        id: Number(input.id),
        roomId: input.roomId === undefined ? undefined : Number(input.roomId),
        attendances: input.attendances?.map((a) => ({ ...a, id: a.id === undefined ? undefined : Number(a.id) })),
      },
      caller.appkey,
    ),
  ),
  cancel: openRoute({ schema: meetingId, resource: "meeting" }, async ({ input }) => {
    await cancelAppointment(Number(input.meetingId), null);
  }),
  finish: openRoute({ schema: meetingId, resource: "meeting" }, async ({ input }) => {
    await finishMeeting(Number(input.meetingId));
  }),
};
