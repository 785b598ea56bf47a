// GET /appointment/{roomId} – the booking form of a room (legacy appointment.html; the user-pages issue restyles it)
import { AppointmentForm } from "@/app/_components/pages/appointment-form";
import { ErrorView, errorViewFor } from "@/app/_components/pages/error-view";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getProfile } from "@/lib/services/profile/get-profile";
import { getRoom } from "@/lib/services/rooms/get-room";
import { pageId } from "@/lib/validation/page-params";

export const dynamic = "force-dynamic";

export default async function AppointmentPage({ params }: { params: Promise<{ roomId: string }> }) {
  const roomId = pageId((await params).roomId);
  if (roomId === null) return <ErrorView code={4002} message="数据格式有误(roomId: 必须是正整数)" />;
  let room;
  try {
    room = await getRoom(roomId);
  } catch (e) {
    return errorViewFor(e, { href: "/meeting/", text: "回到首页" });
  }
  const user = await getSessionUser();
  const phone = user ? ((await getProfile(user.id).catch(() => null))?.phone ?? "") : "";
  return (
    <main className="mx-auto max-w-xl p-4">
      <section className="rounded-2xl bg-white p-5 shadow-sm">
        <h1 className="text-xl font-semibold">预约 {room.place}</h1>
        <p className="mt-1 text-sm text-slate-500">可容纳 {room.size} 人</p>
      </section>
      {room.available ? (
        <AppointmentForm roomId={room.roomId} timeZone={env().APP_TIMEZONE} phone={phone} />
      ) : (
        <p className="mt-4 rounded-2xl bg-white p-5 text-slate-600 shadow-sm">该会议室暂未开放预约</p>
      )}
    </main>
  );
}
