"use client";
// Console settings: the check-in window and the admin's own equipment names (its own endpoint and save button,
// apart from the legacy /server/properties form).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, ErrorState, Field, inputClass } from "../../ui/kit";
import { useToast } from "../../ui/toast";
import { errorText, postForm } from "../../data/client";
import { keys } from "../../data/keys";
import { useRoomSettings, type RoomSettings } from "../../data/use-rooms";


function Form({ data }: { data: RoomSettings }) {
  const toast = useToast();
  const qc = useQueryClient();
  const [before, setBefore] = useState(String(data.checkInBeforeMinutes));
  const [after, setAfter] = useState(String(data.checkInAfterMinutes));
  const [extra, setExtra] = useState(data.extraEquipment.join("、"));
  const save = useMutation({
    mutationFn: () =>
      postForm("/api/admin/room-settings", {
        checkInBeforeMinutes: before,
        checkInAfterMinutes: after,
        extraEquipment: extra
          .split(/[,，、\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: () => {
      toast.success("已保存会议室设备与签到设置");
      qc.invalidateQueries({ queryKey: keys.roomSettings });
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const base = data.equipment.filter((e) => !data.extraEquipment.includes(e));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
      className="space-y-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="签到开始（会议开始前，分钟）" htmlFor="ci-before" hint="0–240，默认 10">
          <input id="ci-before" type="number" inputMode="numeric" min={0} max={240} className={inputClass} value={before} onChange={(e) => setBefore(e.target.value)} />
        </Field>
        <Field label="签到截止（会议开始后，分钟）" htmlFor="ci-after" hint="1–240，默认 15；截止时无人签到的预约将自动释放">
          <input id="ci-after" type="number" inputMode="numeric" min={1} max={240} className={inputClass} value={after} onChange={(e) => setAfter(e.target.value)} />
        </Field>
      </div>
      <Field label="自定义设备" htmlFor="extra-eq" hint={`固定设备：${base.join("、")}。在此添加其他设备，用顿号或逗号分隔。`}>
        <input id="extra-eq" className={inputClass} value={extra} onChange={(e) => setExtra(e.target.value)} placeholder="如：空调、麦克风" />
      </Field>
      <div className="flex justify-end">
        <Button variant="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? "保存中…" : "保存"}
        </Button>
      </div>
    </form>
  );
}

export function RoomSettingsCard() {
  const q = useRoomSettings();
  return (
    <Card title="会议室设备与签到">
      {q.error && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <div className="h-24 animate-pulse rounded bg-slate-100" />}
      {q.data && <Form key={JSON.stringify(q.data.settings)} data={q.data.settings} />}
    </Card>
  );
}
