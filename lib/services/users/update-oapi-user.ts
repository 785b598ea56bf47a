import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, pgErrorCode } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { changedFields } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenUsers } from "@/lib/services/openapi/load-open-users";
import { assertUserFields } from "./assert-user-unique";
import { userColumns, type OpenUserFields } from "./open-user-input";

export async function updateOapiUser(id: number, input: OpenUserFields) {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(72430102)`);
      const [current] = await tx.select().from(users).where(and(eq(users.id, id), isNull(users.removedAt))).for("update");
      if (!current) throw notFound("id", "用户");
      await assertUserFields(tx, id, input);
      await tx.update(users).set({ ...userColumns(input), updatedAt: new Date() }).where(eq(users.id, id));
      await emitOpenEvent(tx, "user_update", [id]);
      const after = userColumns(input) as Record<string, unknown>;
      const before = Object.fromEntries(Object.keys(after).map((k) => [k, (current as Record<string, unknown>)[k]]));
      await recordAudit(tx, { action: "user.edited", objectKind: "user", objectId: id, ...changedFields(before, after) });
      return (await loadOpenUsers(tx, [id]))[0];
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw new AppError(4006, "账号已被使用(account)", "account");
    throw e;
  }
}
