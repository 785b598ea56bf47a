"use client";
import { useState } from "react";
import { ApiError } from "../data/client";
import { editAdmin } from "../data/use-admins";
import { buttonClass, inputClass } from "../ui/classes";

// Legacy admin-edit form: never prefilled with a password; an empty password keeps the current one.
export function AdminEditForm(props: { id: number; username: string; privileged: 0 | 1; canChangePrivilege: boolean }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (form.get("password") !== form.get("confirm")) return setResult({ ok: false, text: "两次输入的密码不一致" });
    try {
      const res = await editAdmin({
        id: props.id,
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        privileged: props.canChangePrivilege ? String(form.get("privileged") ?? props.privileged) : undefined,
      });
      setResult({ ok: true, text: res.errmsg });
    } catch (e) {
      setResult({ ok: false, text: e instanceof ApiError ? e.message : "网络错误，请稍后再试" });
    }
  }

  const field = `${inputClass} mt-1`;
  return (
    <form onSubmit={submit} className="space-y-3">
      <label className="block text-sm">
        ID
        <input name="id" value={props.id} readOnly className={`${field} bg-slate-100`} />
      </label>
      <label className="block text-sm">
        用户名
        <input name="username" defaultValue={props.username} required maxLength={64} className={field} />
      </label>
      <label className="block text-sm">
        新密码（不修改请留空，至少8位）
        <input name="password" type="password" minLength={8} maxLength={128} autoComplete="new-password" className={field} />
      </label>
      <label className="block text-sm">
        确认新密码
        <input name="confirm" type="password" autoComplete="new-password" className={field} />
      </label>
      {props.canChangePrivilege ? (
        <fieldset className="text-sm">
          <legend>管理员身份</legend>
          <label className="mr-4">
            <input type="radio" name="privileged" value="0" defaultChecked={props.privileged === 0} /> 普通管理员
          </label>
          <label>
            <input type="radio" name="privileged" value="1" defaultChecked={props.privileged === 1} /> 超级管理员
          </label>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-500">
          管理员身份：{props.privileged ? "超级管理员" : "普通管理员"}（提示：不能修改自己的管理员身份）
        </p>
      )}
      <button className={`${buttonClass("primary", "md")} w-full`}>保存</button>
      {result && (
        <p role="status" className={result.ok ? "text-success-700" : "text-danger-700"}>
          {result.text}
        </p>
      )}
    </form>
  );
}
