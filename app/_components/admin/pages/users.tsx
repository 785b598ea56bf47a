"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Badge, Button, EmptyState, ErrorState, inputClass, PageHeader } from "../../ui/kit";
import { ConfirmDialog } from "../../ui/dialog";
import { Pagination } from "../../ui/pagination";
import { usePaging } from "../../ui/use-paging";
import { useToast } from "../../ui/toast";
import { errorText, postForm } from "../../data/client";
import { useSelection } from "../../data/use-selection";
import { keys } from "../../data/keys";
import { useUsers } from "../../data/use-users";
import type { UserInfoItem } from "@/lib/types/api";

const ROLE = ["", "学生", "老师"];
const GENDER = ["未设置", "男", "女"];

function useDebounced<T>(value: T, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const idOf = (r: UserInfoItem) => r.id;

export function UsersPage({ privileged }: { privileged: boolean }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const { page, size, setPage, pagerProps } = usePaging();
  const [promote, setPromote] = useState<0 | 1 | null>(null);
  useEffect(() => setPage(1), [q, setPage]);

  const list = useUsers(q, page, size);
  const rows = list.data?.data ?? [];
  const selection = useSelection(rows, idOf, { acrossPages: true });

  const batchAdd = useMutation({
    mutationFn: (v: { userids: string[]; privileged: 0 | 1 }) => postForm<{ errmsg: string }>("/admin/batch/add", v),
    onSuccess: (r, v) => {
      toast.success(`${r.errmsg}：${v.userids.length} 人已是${v.privileged ? "超级" : "普通"}管理员，可用企业微信扫码登录`);
      selection.clear();
      setPromote(null);
      qc.invalidateQueries({ queryKey: keys.admins.all });
    },
    onError: (e) => {
      toast.error(errorText(e));
      setPromote(null);
    },
  });


  return (
    <>
      <PageHeader title="用户" description="在企业微信中登录过本应用的成员。" />
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 p-4">
          <div className="w-full sm:w-72">
            <label htmlFor="user-search" className="sr-only">
              搜索用户
            </label>
            <input
              id="user-search"
              type="search"
              className={inputClass}
              placeholder="搜索姓名、userid、手机号或邮箱"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          {privileged && (
            <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
              {selection.size > 0 && <span className="text-sm text-slate-600">已选 {selection.size} 人</span>}
              <Button disabled={selection.size === 0} onClick={() => setPromote(0)}>
                设为普通管理员
              </Button>
              <Button variant="primary" disabled={selection.size === 0} onClick={() => setPromote(1)}>
                设为超级管理员
              </Button>
            </div>
          )}
        </div>
        {list.error && (
          <div className="p-4">
            <ErrorState error={list.error} onRetry={() => list.refetch()} />
          </div>
        )}
        {/* Below md: one card per person, nothing clipped. */}
        <ul className="divide-y divide-slate-100 md:hidden" aria-label="用户列表">
          {rows.map((u) => (
            <li key={u.id} className={`flex gap-3 px-4 py-3 ${selection.has(u.id) ? "bg-brand-50/60" : ""}`}>
              {privileged && (
                <input
                  type="checkbox"
                  className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
                  checked={selection.has(u.id)}
                  onChange={() => selection.toggle(u)}
                  aria-label={`选择 ${u.name || u.userid}`}
                />
              )}
              <div className="min-w-0 flex-1 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{u.name || "—"}</span>
                  <span className="font-mono text-xs text-slate-600">{u.userid}</span>
                  {ROLE[u.role] && <Badge tone={u.role === 1 ? "blue" : "slate"}>{ROLE[u.role]}</Badge>}
                </p>
                <p className="mt-0.5 break-all text-slate-600">
                  {u.phone || "未设置手机"} · {u.email || "未设置邮箱"}
                </p>
                <p className="text-xs text-slate-500">
                  {GENDER[u.gender] ?? "未设置"} / {u.age ? u.age : "未设置"} · 创建于 {u.createTime}
                </p>
              </div>
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto md:block">
          <table className="w-full min-w-[760px] text-left text-sm [&_td]:whitespace-nowrap [&_th]:whitespace-nowrap">
            <thead className="bg-slate-50 text-xs font-medium text-slate-600">
              <tr>
                {privileged && (
                  <th scope="col" className="w-10 px-4 py-2.5">
                    <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={selection.allChecked} onChange={selection.toggleAll} aria-label="全选本页" />
                  </th>
                )}
                <th scope="col" className="px-4 py-2.5">姓名</th>
                <th scope="col" className="px-4 py-2.5">userid</th>
                <th scope="col" className="px-4 py-2.5">身份</th>
                <th scope="col" className="px-4 py-2.5">性别 / 年龄</th>
                <th scope="col" className="px-4 py-2.5">手机号码</th>
                <th scope="col" className="px-4 py-2.5">电子邮箱</th>
                <th scope="col" className="px-4 py-2.5">创建时间</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((u) => (
                <tr key={u.id} className={selection.has(u.id) ? "bg-brand-50/60" : "hover:bg-slate-50"}>
                  {privileged && (
                    <td className="px-4 py-2.5">
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-brand-600"
                        checked={selection.has(u.id)}
                        onChange={() => selection.toggle(u)}
                        aria-label={`选择 ${u.name || u.userid}`}
                      />
                    </td>
                  )}
                  <td className="px-4 py-2.5">
                    <div className="flex items-center gap-2.5">
                      {u.avatar ? (
                        <img src={u.avatar} alt="" className="h-8 w-8 rounded-full bg-slate-100 object-cover" loading="lazy" referrerPolicy="no-referrer" />
                      ) : (
                        <span aria-hidden className="grid h-8 w-8 place-items-center rounded-full bg-slate-200 text-xs text-slate-600">
                          {(u.name || u.userid).slice(0, 1)}
                        </span>
                      )}
                      <span className="font-medium text-slate-900">{u.name || "—"}</span>
                    </div>
                  </td>
                  <td className="px-4 py-2.5 font-mono text-xs text-slate-700">{u.userid}</td>
                  <td className="px-4 py-2.5">{ROLE[u.role] ? <Badge tone={u.role === 1 ? "blue" : "slate"}>{ROLE[u.role]}</Badge> : "—"}</td>
                  <td className="px-4 py-2.5 text-slate-700">
                    {GENDER[u.gender] ?? "未设置"} / {u.age ? u.age : "未设置"}
                  </td>
                  <td className="px-4 py-2.5 tabular-nums text-slate-700">{u.phone || "未设置"}</td>
                  <td className="px-4 py-2.5 text-slate-700">{u.email || "未设置"}</td>
                  <td className="px-4 py-2.5 tabular-nums text-slate-600">{u.createTime}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.isSuccess && rows.length === 0 && <EmptyState>{q ? `没有与“${q}”匹配的用户` : "还没有用户登录过"}</EmptyState>}
        {list.isPending && <div className="m-4 h-24 animate-pulse rounded bg-slate-100" />}
        {list.data && list.data.count > 0 && (
          <Pagination {...pagerProps(list.data.count)} />
        )}
      </div>
      <ConfirmDialog
        open={promote !== null}
        title={promote === 1 ? "设为超级管理员" : "设为普通管理员"}
        message={
          <>
            <p>
              将以下 {selection.size} 人设为{promote === 1 ? "超级" : "普通"}管理员：
              <span className="font-medium text-slate-900">{selection.all.map((u) => u.userid).slice(0, 8).join("、")}{selection.size > 8 ? " 等" : ""}</span>
            </p>
            <p className="mt-2 text-slate-600">他们可用企业微信扫码登录后台；设置密码前不能用密码登录。已是管理员的人保持原有权限。</p>
          </>
        }
        confirmLabel="确定"
        busy={batchAdd.isPending}
        onConfirm={() => batchAdd.mutate({ userids: selection.all.map((u) => u.userid), privileged: promote! })}
        onClose={() => setPromote(null)}
      />
    </>
  );
}
