// GET /room/{roomId}/{date} – a room and that day's approved bookings (legacy room.html; the user-pages issue restyles it)
import { ErrorView, errorViewFor } from "@/app/_components/pages/error-view";
import { readRoomDay } from "@/lib/services/rooms/read-room-day";
import { formatDate, formatDateTime } from "@/lib/time";
import { pageDate, pageId } from "@/lib/validation/page-params";

export const dynamic = "force-dynamic";

export default async function RoomPage({ params }: { params: Promise<{ roomId: string; date: string }> }) {
  const p = await params;
  const roomId = pageId(p.roomId);
  const day = pageDate(p.date);
  if (roomId === null) return <ErrorView code={4002} message="数据格式有误(roomId: 必须是正整数)" />;
  if (day === null) return <ErrorView code={4002} message="数据格式有误(date: 必须是毫秒时间戳或yyyy-MM-dd)" />;
  let data;
  try {
    data = await readRoomDay(roomId, day);
  } catch (e) {
    return errorViewFor(e, { href: "/meeting/", text: "回到首页" });
  }
  const { room, periods } = data;
  return (
    <main className="mx-auto max-w-xl p-4">
      <section className="rounded-2xl bg-white p-5 shadow-sm" data-room-id={room.roomId}>
        <h1 className="text-xl font-semibold">{room.place}</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">会议室编号</dt>
          <dd>{room.roomId}</dd>
          <dt className="text-slate-500">可容纳人数</dt>
          <dd>{room.size}人</dd>
          <dt className="text-slate-500">是否开放</dt>
          <dd>{room.available ? "是" : "否"}</dd>
        </dl>
      </section>
      <section className="mt-4 rounded-2xl bg-white p-5 shadow-sm" aria-labelledby="day">
        <h2 id="day" className="font-medium">
          当日预约 <span className="text-sm text-slate-500">{formatDate(day)}</span>
        </h2>
        {periods.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">当日暂无预约记录</p>
        ) : (
          <ul className="mt-2 divide-y text-sm" id="periods">
            {periods.map((x) => (
              <li key={x.startsAt.getTime()} className="flex justify-between py-2">
                <span>{formatDateTime(x.startsAt)}</span>
                <span>{x.duration}分钟</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {room.available === 1 && (
        <a href={`/meeting/appointment/${room.roomId}`} className="mt-4 block rounded-xl bg-blue-600 py-3 text-center text-white">
          点击预约
        </a>
      )}
    </main>
  );
}
