"use client";
import "@/lib/validation/zod-client"; // before any schema is used: no eval probe under the CSP
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { addAdminSchema, editAdminSchema } from "@/lib/validation/admin";
import { Badge, Button, EmptyState, ErrorState, Field, inputClass, PageHeader } from "../../ui/kit";
import { ConfirmDialog, Dialog } from "../../ui/dialog";
import { Pagination } from "../../ui/pagination";
import { usePaging } from "../../ui/use-paging";
import { useToast } from "../../ui/toast";
import { errorText, postForm } from "../../data/client";
import { useSelection } from "../../data/use-selection";
import { keys } from "../../data/keys";
import { useAdmins } from "../../data/use-admins";
import { fieldErrors } from "../form-errors";
import type { AdminRow } from "@/lib/types/api";

type Editing = { mode: "add" } | { mode: "edit"; row: AdminRow };

function AdminForm({ editing, me, onDone, onAdded }: { editing: Editing; me: number; onDone: () => void; onAdded: () => void }) {
  const toast = useToast();
  const qc = useQueryClient();
  const row = editing.mode === "edit" ? editing.row : null;
  const self = row?.id === me;
  const [username, setUsername] = useState(row?.username ?? "");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [privileged, setPrivileged] = useState<0 | 1>(row?.privileged ?? 0);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (data: Record<string, string | number>) => postForm<{ errmsg: string }>(row ? "/admin/edit" : "/admin/add", data),
    onSuccess: (r) => {
      toast.success(r.errmsg);
      qc.invalidateQueries({ queryKey: keys.admins.all });
      if (!row) onAdded();
      onDone();
    },
    onError: (e) => toast.error(errorText(e)),
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const data: Record<string, string | number> = row
      ? { id: row.id, username, password, privileged: self ? row.privileged : privileged }
      : { username, password, privileged };
    const parsed = (row ? editAdminSchema : addAdminSchema).safeParse(data);
    const errs = parsed.success ? {} : fieldErrors(parsed.error);
    if ((password || !row) && password !== confirm) errs.confirm = "两次输入的密码不一致";
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate(data);
  };
  const err = (k: string) => errors[k] ?? null;
  const aria = (k: string) => ({ "aria-invalid": errors[k] ? true : undefined, "aria-describedby": errors[k] ? `${k}-error` : undefined });

  return (
    <Dialog
      open
      onClose={onDone}
      title={row ? `编辑管理员 ${row.username}` : "添加管理员"}
      footer={
        <>
          <Button onClick={onDone}>取消</Button>
          <Button variant="primary" type="submit" form="admin-form" disabled={save.isPending}>
            {save.isPending ? "保存中…" : "保存"}
          </Button>
        </>
      }
    >
      <form id="admin-form" onSubmit={submit} noValidate className="space-y-4">
        <Field label="用户名" htmlFor="username" error={err("username")} hint="企业微信扫码登录时按用户名匹配 userid">
          <input id="username" className={inputClass} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" {...aria("username")} />
        </Field>
        <Field label={row ? "新密码" : "密码"} htmlFor="password" error={err("password")} hint={row ? "留空则不修改；修改后该管理员需重新登录" : "至少 8 个字符"}>
          <input id="password" type="password" className={inputClass} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" {...aria("password")} />
        </Field>
        <Field label="确认密码" htmlFor="confirm" error={err("confirm")}>
          <input id="confirm" type="password" className={inputClass} value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" {...aria("confirm")} />
        </Field>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-800">权限</legend>
          <div className="flex gap-4">
            {([0, 1] as const).map((v) => (
              <label key={v} className="flex items-center gap-2 text-sm">
                <input type="radio" name="privileged" className="h-4 w-4 accent-brand-600" checked={privileged === v} onChange={() => setPrivileged(v)} disabled={self} />
                {v ? "超级管理员" : "普通管理员"}
              </label>
            ))}
          </div>
          {self && <p className="mt-1 text-xs text-slate-500">不能修改自己的权限。</p>}
          {err("privileged") && <p className="mt-1 text-xs text-danger-700">{err("privileged")}</p>}
        </fieldset>
      </form>
    </Dialog>
  );
}

const idOf = (r: AdminRow) => r.id;

export function AdminsPage({ me }: { me: number }) {
  const qc = useQueryClient();
  const toast = useToast();
  const { page, size, setPage, pagerProps } = usePaging();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<AdminRow[] | null>(null);

  const list = useAdmins(page, size);
  const rows = list.data?.data ?? [];
  const selection = useSelection(rows, idOf, { selectable: (r) => r.id !== me });

  const del = useMutation({
    mutationFn: (ids: number[]) => postForm<{ errmsg: string }>("/admin/delete", { ids }),
    onSuccess: (r) => {
      toast.success(r.errmsg);
      selection.clear();
      setDeleting(null);
      qc.invalidateQueries({ queryKey: keys.admins.all });
    },
    onError: (e) => {
      toast.error(errorText(e));
      setDeleting(null);
    },
  });


  return (
    <>
      <PageHeader
        title="管理员"
        description="密码只以哈希保存，任何页面都不会显示。最后一名超级管理员不能被删除或降级。"
        actions={
          <Button variant="primary" onClick={() => setEditing({ mode: "add" })}>
            + 添加管理员
          </Button>
        }
      />
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 p-4">
          <Button
            variant="danger"
            disabled={selection.size === 0}
            onClick={() => setDeleting(selection.visible)}
          >
            批量删除{selection.size ? ` (${selection.size})` : ""}
          </Button>
          <Button variant="ghost" onClick={() => list.refetch()}>
            ↻ 刷新
          </Button>
        </div>
        {list.error && (
          <div className="p-4">
            <ErrorState error={list.error} onRetry={() => list.refetch()} />
          </div>
        )}
        <div className="overflow-x-auto">
          <table className="w-full min-w-[620px] text-left text-sm [&_td]:whitespace-nowrap [&_th]:whitespace-nowrap">
            <thead className="bg-slate-50 text-xs font-medium text-slate-600">
              <tr>
                <th scope="col" className="w-10 px-4 py-2.5">
                  <input
                    type="checkbox"
                    className="h-4 w-4 accent-brand-600"
                    checked={selection.allChecked}
                    onChange={selection.toggleAll}
                    aria-label="全选本页"
                  />
                </th>
                <th scope="col" className="px-4 py-2.5">ID</th>
                <th scope="col" className="px-4 py-2.5">用户名</th>
                <th scope="col" className="px-4 py-2.5">权限</th>
                <th scope="col" className="px-4 py-2.5">登录方式</th>
                <th scope="col" className="px-4 py-2.5">创建时间</th>
                <th scope="col" className="px-4 py-2.5 text-right">操作</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((a) => (
                <tr key={a.id} data-admin={a.username} className={selection.has(a.id) ? "bg-brand-50/60" : "hover:bg-slate-50"}>
                  <td className="px-4 py-2.5">
                    <input
                      type="checkbox"
                      className="h-4 w-4 accent-brand-600"
                      checked={selection.has(a.id)}
                      onChange={() => selection.toggle(a)}
                      disabled={a.id === me}
                      aria-label={`选择 ${a.username}`}
                    />
                  </td>
                  <td className="px-4 py-2.5 tabular-nums text-slate-600">{a.id}</td>
                  <td className="px-4 py-2.5 font-medium text-slate-900">
                    {a.username}
                    {a.id === me && (
                      <span className="ml-2">
                        <Badge tone="blue">我</Badge>
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2.5">{a.privileged ? <Badge tone="amber">超级管理员</Badge> : <Badge>普通管理员</Badge>}
                    {a.rightsSource === "campus" && (
                      <span className="ml-1" title="权限来自校园平台角色，每次登录和每 10 分钟内重新确认">
                        <Badge tone="blue">校园平台</Badge>
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2.5 text-slate-600">{a.hasPassword === false ? "仅扫码登录" : "密码 / 扫码"}</td>
                  <td className="px-4 py-2.5 tabular-nums text-slate-600">{a.createTime}</td>
                  <td className="px-4 py-2.5 text-right">
                    <div className="inline-flex gap-1">
                      <Button size="sm" variant="ghost" onClick={() => setEditing({ mode: "edit", row: a })} aria-label={`编辑 ${a.username}`}>
                        编辑
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="text-danger-700 hover:bg-danger-50"
                        disabled={a.id === me}
                        title={a.id === me ? "不能删除自己" : undefined}
                        onClick={() => setDeleting([a])}
                        aria-label={`删除 ${a.username}`}
                      >
                        删除
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.isSuccess && rows.length === 0 && <EmptyState>没有管理员</EmptyState>}
        {list.data && list.data.count > 0 && (
          <Pagination {...pagerProps(list.data.count)} />
        )}
      </div>
      {editing && (
        <AdminForm
          key={editing.mode === "edit" ? editing.row.id : "add"}
          editing={editing}
          me={me}
          onDone={() => setEditing(null)}
          // The list is in id order: show the last page, where the new admin is.
          onAdded={() => setPage(Math.floor((list.data?.count ?? 0) / size) + 1)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="删除管理员"
        danger
        message={
          <>
            确定删除 <strong>{deleting?.map((d) => d.username).join("、")}</strong> 吗？删除后对方立即失去后台权限，此操作不能撤销。
          </>
        }
        confirmLabel="删除"
        busy={del.isPending}
        onConfirm={() => del.mutate(deleting!.map((d) => d.id))}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
