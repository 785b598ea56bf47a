// GET /history/detail/{id} – one booking, for its booker or any admin (legacy history_detail.html)
import { CancelLink } from "@/app/_components/pages/cancel-link";
import { ErrorView, errorViewFor } from "@/app/_components/pages/error-view";
import { getSessionAdmin, getSessionUser } from "@/lib/auth/session";
import { getAppointmentDetail } from "@/lib/services/booking/get-appointment-detail";
import { formatDateTimeSeconds, localParts } from "@/lib/time";
import { pageId } from "@/lib/validation/page-params";

export const dynamic = "force-dynamic";

const STATUS_LABEL = ["已过期", "已取消", "待审核", "已通过", "被退回"];
const pad = (n: number) => String(n).padStart(2, "0");
const monthDayTime = (d: Date) => {
  const p = localParts(d);
  return `${pad(p.month)}月${pad(p.day)}日 ${pad(p.hour)}:${pad(p.minute)}`;
};

export default async function HistoryDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  if (id === null) return <ErrorView code={2007} />;
  let b;
  try {
    b = await getAppointmentDetail({ user: await getSessionUser(), admin: await getSessionAdmin() }, id);
  } catch (e) {
    return errorViewFor(e, { href: "/meeting/", text: "回到首页" });
  }
  const rows: [string, string][] = [
    ["审核状态", STATUS_LABEL[b.status] ?? String(b.status)],
    ["审核信息", b.checkInfo ?? ""],
    ["预约记录号", String(b.id)],
    ["预约提交时间", formatDateTimeSeconds(b.submittedAt)],
    ["预约人姓名", b.name],
    ["学号或职工号", b.userid],
    ["会议室地点", b.place],
    ["开始时间", monthDayTime(b.startsAt)],
    ["占用时长", `${Math.round((b.endsAt.getTime() - b.startsAt.getTime()) / 60000)}分钟`],
    ["会议室用途", b.purpose],
    ["参与人数", `${b.participants}人`],
    ["联系电话", b.phone],
    ["备注信息", b.note ?? ""],
  ];
  return (
    <main className="mx-auto max-w-xl p-4">
      <section className="rounded-2xl bg-white p-5 shadow-sm" data-status={b.status}>
        <h1 className="text-xl font-semibold">预约详情</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd className="break-words whitespace-pre-wrap">{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      {b.cancellable && <CancelLink id={b.id} />}
    </main>
  );
}
