// Home: find a room. [5] User pages turns this into the full search experience.
export const dynamic = "force-dynamic";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-xl p-4">
      <header className="mb-6 rounded-2xl bg-brand-500 p-5 text-white shadow">
        <h1 className="text-xl font-semibold">会议室预约</h1>
        <p className="mt-1 text-sm text-brand-100">在企业微信中查找空闲会议室、提交预约、查看审核结果。</p>
      </header>
      <section className="rounded-2xl bg-white p-5 shadow-sm" aria-labelledby="find">
        <h2 id="find" className="font-medium">查找会议室</h2>
        <p className="mt-2 text-sm text-slate-600">选择日期、时间和人数，找到合适的会议室。</p>
      </section>
    </main>
  );
}
