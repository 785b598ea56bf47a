import "server-only";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadOpenMeetings } from "@/lib/services/openapi/load-open-meetings";

export async function getMeeting(id: number) {
  const [m] = await loadOpenMeetings(await getDb(), [id]);
  if (!m) throw notFound("meetingId", "会议");
  return m;
}
