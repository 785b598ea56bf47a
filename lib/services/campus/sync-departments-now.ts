import "server-only";
import type { SessionAdmin } from "@/lib/auth/session";
import { CampusError } from "@/lib/clients/campus/errors";
import { AppError } from "@/lib/errors";
import { runWithRequestContext, requestContext } from "@/lib/request-context";
import { syncDepartments, type DeptSyncReport } from "./sync-departments";

/** The console's "同步部门" button: the same sync as the daily one, now, on behalf of a super admin. */
export async function syncDepartmentsNow(actor: SessionAdmin | null): Promise<DeptSyncReport> {
  if (!actor) throw new AppError(1005);
  if (!actor.privileged) throw new AppError(1006);
  const ctx = { ...(requestContext() ?? { channel: "console" as const }), actor: { kind: "admin" as const, id: actor.id, name: actor.username } };
  try {
    return await runWithRequestContext(ctx, () => syncDepartments());
  } catch (e) {
    if (e instanceof CampusError) throw new AppError(5000, `校园平台同步失败：${e.platformMessage ?? e.message}`);
    throw e;
  }
}
