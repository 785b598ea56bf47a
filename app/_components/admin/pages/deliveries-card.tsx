"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Card } from "../../ui/kit";
import { useToast } from "../../ui/toast";
import { errorText, postForm } from "../../data/client";
import { keys } from "../../data/keys";
import { useFailedDeliveries } from "../../data/use-deliveries";


/** WeCom notifications that gave up after their retries: what, to whom, why; super admins can send them again. */
export function DeliveriesCard({ failed, pending, privileged }: { failed: number; pending: number; privileged: boolean }) {
  const toast = useToast();
  const qc = useQueryClient();
  const list = useFailedDeliveries(failed > 0);
  const retry = useMutation({
    mutationFn: (ids: number[]) => postForm<{ requeued: number }>("/api/admin/deliveries/retry", { ids }),
    onSuccess: (r) => {
      toast.success(`已重新排队 ${r.requeued} 条通知`);
      qc.invalidateQueries({ queryKey: keys.deliveries.all });
      qc.invalidateQueries({ queryKey: keys.dashboard });
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const rows = list.data?.rows ?? [];
  return (
    <Card
      title="消息推送"
      actions={
        privileged && rows.length > 0 ? (
          <Button size="sm" onClick={() => retry.mutate(rows.map((r) => r.id))} disabled={retry.isPending}>
            重新发送
          </Button>
        ) : undefined
      }
    >
      {failed === 0 ? (
        <p className="text-sm text-slate-700">
          <Badge tone="green">正常</Badge> <span className="ml-1">没有发送失败的通知。</span>
        </p>
      ) : (
        <div className="text-sm text-slate-700">
          <p>
            <Badge tone="red">{failed} 条发送失败</Badge>
            <span className="ml-1">企业微信通知多次重试后仍未送达。</span>
          </p>
          <ul className="mt-3 divide-y divide-slate-100">
            {rows.map((r) => (
              <li key={r.id} className="py-2">
                <p className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium text-slate-900">发给 {r.recipient ?? "—"}</span>
                  <span className="text-xs text-slate-500">
                    {r.createdAt} · 尝试 {r.attempts} 次
                  </span>
                </p>
                {r.text && <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{r.text.replace(/\n+/g, " · ")}</p>}
                {r.lastError && <p className="mt-0.5 break-all text-xs text-danger-700">原因：{r.lastError}</p>}
              </li>
            ))}
          </ul>
          {failed > rows.length && rows.length > 0 && <p className="mt-1 text-xs text-slate-500">仅显示最近 {rows.length} 条</p>}
        </div>
      )}
      {pending > 0 && <p className="mt-2 text-xs text-slate-500">{pending} 条等待发送</p>}
    </Card>
  );
}
