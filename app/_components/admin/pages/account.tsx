"use client";
import "@/lib/validation/zod-client"; // before any schema is used: no eval probe under the CSP
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { passwordSchema } from "@/lib/validation/admin";
import { Badge, Button, Card, Field, inputClass, PageHeader } from "../../ui/kit";
import { useToast } from "../../ui/toast";
import { BASE, errorText, postForm } from "../../data/client";

export function AccountPage({ username, privileged }: { username: string; privileged: boolean }) {
  const toast = useToast();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const change = useMutation({
    mutationFn: () => postForm<{ errmsg: string }>("/admin/password", { password }),
    onSuccess: (r) => {
      toast.success(`${r.errmsg}，请用新密码重新登录`);
      // The change ended every session of this admin, this one included.
      setTimeout(() => window.location.assign(`${BASE}/admin/login?changed=1`), 1200);
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const p = passwordSchema.safeParse(password);
    const errs: typeof errors = {};
    if (!p.success) errs.password = p.error.issues[0]?.message;
    if (password !== confirm) errs.confirm = "两次输入的密码不一致";
    setErrors(errs);
    if (!errs.password && !errs.confirm) change.mutate();
  };
  return (
    <>
      <PageHeader title="我的账号" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="账号信息">
          <dl className="space-y-3 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">用户名</dt>
              <dd className="font-medium text-slate-900">{username}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">权限</dt>
              <dd>{privileged ? <Badge tone="amber">超级管理员</Badge> : <Badge>普通管理员</Badge>}</dd>
            </div>
          </dl>
        </Card>
        <Card title="修改密码">
          <form onSubmit={submit} noValidate className="space-y-4">
            <Field label="新密码" htmlFor="new-password" error={errors.password} hint="至少 8 个字符。修改后所有设备上的登录都会失效，需要重新登录。">
              <input
                id="new-password"
                type="password"
                autoComplete="new-password"
                className={inputClass}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={errors.password ? true : undefined}
              />
            </Field>
            <Field label="确认新密码" htmlFor="confirm-password" error={errors.confirm}>
              <input
                id="confirm-password"
                type="password"
                autoComplete="new-password"
                className={inputClass}
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                aria-invalid={errors.confirm ? true : undefined}
              />
            </Field>
            <Button variant="primary" type="submit" disabled={change.isPending || change.isSuccess}>
              {change.isPending ? "提交中…" : "修改密码"}
            </Button>
          </form>
        </Card>
      </div>
    </>
  );
}
