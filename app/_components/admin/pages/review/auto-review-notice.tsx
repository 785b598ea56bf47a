// Shown while auto-review runs: manual review is off, and where to turn auto-review off.
import Link from "next/link";

export function AutoReviewNotice({ privileged }: { privileged: boolean }) {
  return (
    <div role="status" className="mb-4 rounded-xl border border-warning-300 bg-warning-50 px-4 py-3 text-sm text-warning-900">
      <p className="font-medium">自动审核运行中，人工审核已停用。</p>
      <p className="mt-1">
        为防止与自动审核冲突，开启自动审核时不能手动通过或退回预约。
        {privileged ? (
          <>
            如需人工审核，请先在{" "}
            <Link href="/admin/settings" className="font-medium text-warning-950 underline">
              参数设置
            </Link>{" "}
            中关闭自动审核。
          </>
        ) : (
          " 如需人工审核，请联系超级管理员关闭自动审核。"
        )}
      </p>
    </div>
  );
}
