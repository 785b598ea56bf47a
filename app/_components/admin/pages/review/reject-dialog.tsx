"use client";
// The reason dialog of a rejection (one request, a batch, or a whole series). The reason is required and bounded.
import { useState } from "react";
import { Dialog } from "../../../ui/dialog";
import { Button, Field, inputClass } from "../../../ui/kit";

export const REASON_MAX = 200;

export function RejectDialog({
  title,
  initialReason,
  busy,
  onSubmit,
  onClose,
}: {
  /** null: closed. */
  title: string | null;
  initialReason: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={title !== null}
      onClose={onClose}
      title={title ?? ""}
      footer={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button variant="danger" type="submit" form="reject-form" disabled={busy}>
            {busy ? "处理中…" : "确定退回"}
          </Button>
        </>
      }
    >
      {/* Keyed by the suggestion so every opening starts from it. */}
      {title !== null && <ReasonForm key={`${title}|${initialReason}`} initialReason={initialReason} onSubmit={onSubmit} />}
    </Dialog>
  );
}

function ReasonForm({ initialReason, onSubmit }: { initialReason: string; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState(initialReason);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) return setReasonError("请填写退回原因，用户会在通知中看到它");
    if (text.length > REASON_MAX) return setReasonError(`不能超过 ${REASON_MAX} 个字符`);
    setReasonError(null);
    onSubmit(text);
  };
  return (
    <form id="reject-form" onSubmit={submit} noValidate>
      <Field label="退回原因（必填）" htmlFor="reject-reason" error={reasonError} hint={`${reason.trim().length}/${REASON_MAX}，用户会在通知和预约详情中看到`}>
        <textarea
          id="reject-reason"
          rows={3}
          className={inputClass}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={REASON_MAX + 50}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "reject-reason-error" : "reject-reason-hint"}
          autoFocus
          required
        />
      </Field>
    </form>
  );
}
