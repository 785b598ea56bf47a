"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, Button, Card, ErrorState, PageHeader } from "../../ui/kit";
import { useToast } from "../../ui/toast";
import { BASE, errorText, getJson, postForm } from "../../data/client";
import { keys } from "../../data/keys";
import { useCampusOverview, type CampusCheck as Check } from "../../data/use-campus";

// 校园平台 (super admins): the campus platform ("API center") integration at a glance — connection, each family's
// last success and failure, deliveries waiting or given up (with retry), the notice channel setting, and the sync
// buttons (departments now; our roles and menus onto the platform).



const FAMILY: Record<string, string> = {
  people: "人员",
  departments: "部门",
  roles: "角色与菜单",
  notices: "通知",
  calendar: "日程",
  operlog: "操作日志",
  files: "文件",
};
const OP: Record<string, string> = { notice: "通知", calendar: "日程", operlog: "操作日志" };
const CHANNELS = [
  { value: "both", label: "企业微信 + 校园平台" },
  { value: "campus", label: "仅校园平台" },
  { value: "wecom", label: "仅企业微信" },
] as const;

export function CampusPage() {
  const qc = useQueryClient();
  const toast = useToast();
  const overview = useCampusOverview();
  const [check, setCheck] = useState<Check | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: keys.campus });

  const runCheck = useMutation({
    mutationFn: () => getJson<Check>("/api/admin/campus/check"),
    onSuccess: (r) => {
      setCheck(r);
      refresh();
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const syncDepts = useMutation({
    mutationFn: () => postForm<{ report: { total: number; added: number; updated: number; removed: number } }>("/api/admin/campus/sync-departments", {}),
    onSuccess: ({ report: r }) => {
      toast.success(`部门已同步：共 ${r.total} 个，新增 ${r.added}，更新 ${r.updated}，标记移除 ${r.removed}`);
      refresh();
    },
    onError: (e) => {
      toast.error(errorText(e));
      refresh();
    },
  });
  const register = useMutation({
    mutationFn: () => postForm<{ report: { rolesAdded: string[]; rolesPresent: number; menusAdded: number; menusUpdated: number; menusPresent: number } }>("/api/admin/campus/register", {}),
    onSuccess: ({ report: r }) => {
      toast.success(`已同步到校园平台：新增角色 ${r.rolesAdded.length} 个、菜单 ${r.menusAdded} 个，更新菜单 ${r.menusUpdated} 个；已存在的不会重复创建`);
      refresh();
    },
    onError: (e) => {
      toast.error(errorText(e));
      refresh();
    },
  });
  const setChannels = useMutation({
    mutationFn: (value: string) => postForm("/api/admin/campus/notice-channels", { value }),
    onSuccess: () => {
      toast.success("通知渠道已保存");
      refresh();
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const retry = useMutation({
    mutationFn: (ids: number[]) => postForm<{ requeued: number }>("/api/admin/deliveries/retry", { ids }),
    onSuccess: (r) => {
      toast.success(`已重新排队 ${r.requeued} 条`);
      refresh();
    },
    onError: (e) => toast.error(errorText(e)),
  });

  if (overview.error) return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;
  const o = overview.data;
  if (!o) return <div className="h-64 animate-pulse rounded-xl bg-white" />;

  if (!o.enabled) {
    return (
      <>
        <PageHeader title="校园平台" description="学校统一平台（API 中心）的对接：人员、部门、角色、通知、日程、操作日志和文件。" />
        <Card title="未启用">
          <p className="text-sm text-slate-700">
            <Badge>未启用</Badge>
            <span className="ml-2">没有设置 CAMPUS_API_BASE，系统按原样运行：通知只走企业微信，不调用校园平台。</span>
          </p>
          <p className="mt-2 text-sm text-slate-600">设置 CAMPUS_API_BASE、CAMPUS_API_TOKEN、CAMPUS_CLIENT_ID、CAMPUS_CLIENT_SECRET 后重启即可启用，详见 README“对接校园平台”。</p>
        </Card>
      </>
    );
  }

  const failedTotal = o.deliveries.reduce((n, d) => n + d.failed, 0);
  const healthy = o.families.every((f) => f.healthy !== false) && failedTotal === 0 && check?.ok !== false;

  return (
    <>
      <PageHeader
        title="校园平台"
        description={<>已连接 API 中心 <code className="rounded bg-slate-100 px-1">{o.base}</code>。通知、日程和操作日志经发件箱可靠投递，失败自动重试。</>}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => runCheck.mutate()} disabled={runCheck.isPending}>
              {runCheck.isPending ? "检查中…" : "检查连接"}
            </Button>
            <Button onClick={() => syncDepts.mutate()} disabled={syncDepts.isPending}>
              {syncDepts.isPending ? "同步中…" : "同步部门"}
            </Button>
            <Button variant="primary" onClick={() => register.mutate()} disabled={register.isPending}>
              {register.isPending ? "同步中…" : "同步到校园平台"}
            </Button>
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="连接状态">
          <p className="text-sm" data-testid="campus-health">
            {healthy ? <Badge tone="green">正常</Badge> : <Badge tone="red">有异常</Badge>}
            <span className="ml-2 text-slate-700">{healthy ? "各项对接最近一次调用均成功。" : "请查看下方失败原因。"}</span>
          </p>
          {check && (
            <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm" data-testid="campus-check">
              <p>
                {check.ok ? <Badge tone="green">连接正常</Badge> : <Badge tone="red">连接失败</Badge>}
                <span className="ml-2 text-slate-700">
                  {check.message}（{check.ms} ms）
                </span>
              </p>
              {check.channels.length > 0 && (
                <p className="mt-1 text-xs text-slate-600">消息渠道：{check.channels.map((c) => `${c.name} ${c.code}`).join("、")}</p>
              )}
            </div>
          )}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-700">
            <dt className="text-slate-500">管理员角色</dt>
            <dd>{o.adminRoleKeys.join("、") || "—"}</dd>
            <dt className="text-slate-500">超级管理员角色</dt>
            <dd>{o.superRoleKeys.join("、") || "—"}</dd>
            <dt className="text-slate-500">通知渠道编码</dt>
            <dd>{o.noticeChannelCodes.join("、") || "仅站内通知"}</dd>
            <dt className="text-slate-500">部门同步</dt>
            <dd>
              {o.departmentSync?.lastRunAt
                ? `${o.departmentSync.lastRunAt}（共 ${o.departmentSync.report?.total ?? 0} 个）`
                : "尚未同步（每天自动一次）"}
            </dd>
          </dl>
        </Card>

        <Card title="预约通知发送方式">
          <fieldset>
            <legend className="sr-only">预约通知发送方式</legend>
            <div className="space-y-2">
              {CHANNELS.map((c) => (
                <label key={c.value} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name="notice-channels"
                    className="h-4 w-4 accent-brand-600"
                    checked={o.noticeChannels === c.value}
                    onChange={() => setChannels.mutate(c.value)}
                    disabled={setChannels.isPending}
                  />
                  {c.label}
                </label>
              ))}
            </div>
          </fieldset>
          <p className="mt-3 text-xs text-slate-500">审核结果、管理员取消和开始前 15 分钟的提醒都按此发送。</p>
        </Card>
      </div>

      <Card title="各项对接" className="mt-4">
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4">项目</th>
                <th scope="col" className="py-2 pr-4">状态</th>
                <th scope="col" className="py-2 pr-4">最近成功</th>
                <th scope="col" className="py-2 pr-4">最近失败</th>
                <th scope="col" className="py-2">失败原因</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {o.families.map((f) => (
                <tr key={f.family} data-family={f.family}>
                  <td className="py-2 pr-4 font-medium text-slate-900">{FAMILY[f.family] ?? f.family}</td>
                  <td className="py-2 pr-4">
                    {f.healthy === null ? <Badge>暂无调用</Badge> : f.healthy ? <Badge tone="green">正常</Badge> : <Badge tone="red">失败</Badge>}
                  </td>
                  <td className="py-2 pr-4 tabular-nums text-slate-600">{f.lastSuccessAt ?? "—"}</td>
                  <td className="py-2 pr-4 tabular-nums text-slate-600">{f.lastFailureAt ?? "—"}</td>
                  <td className="max-w-xs break-all py-2 text-xs text-danger-700">{f.healthy === false ? f.lastError : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card
        title="投递队列"
        className="mt-4"
        actions={
          o.failed.length > 0 ? (
            <Button size="sm" onClick={() => retry.mutate(o.failed.map((f) => f.id))} disabled={retry.isPending}>
              全部重试
            </Button>
          ) : undefined
        }
      >
        <div className="flex flex-wrap gap-3 text-sm">
          {o.deliveries.map((d) => (
            <span key={d.op} className="rounded-lg bg-slate-50 px-3 py-2">
              {OP[d.op] ?? d.op}：等待 <b className="tabular-nums">{d.pending}</b> · 失败 <b className={`tabular-nums ${d.failed ? "text-danger-700" : ""}`}>{d.failed}</b>
            </span>
          ))}
        </div>
        {o.failed.length > 0 && (
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {o.failed.map((f) => (
              <li key={f.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {OP[f.op] ?? f.op} · {f.what}
                  </p>
                  <p className="text-xs text-slate-500">
                    {f.createdAt} · 尝试 {f.attempts} 次
                  </p>
                  {f.lastError && <p className="break-all text-xs text-danger-700">原因：{f.lastError}</p>}
                </div>
                <Button size="sm" variant="ghost" onClick={() => retry.mutate([f.id])} disabled={retry.isPending}>
                  重试
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="文件中心（导出的会议室表格）" className="mt-4">
        {o.files.length === 0 ? (
          <p className="text-sm text-slate-600">暂无文件。启用后，每次导出会议室表格都会同时保存到校园平台文件中心。</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {o.files.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="font-medium text-slate-900">{f.name}</span>
                <span className="text-xs text-slate-500">
                  {f.createdAt} · {f.createdBy ?? "—"} · {(f.size / 1024).toFixed(1)} KB
                </span>
                <a className="text-brand-700 underline" href={`${BASE}/api/admin/campus/files/${f.id}`} download>
                  下载
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
