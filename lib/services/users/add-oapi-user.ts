import "server-only";
import { sql } from "drizzle-orm";
import { getDb, pgErrorCode } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenUsers } from "@/lib/services/openapi/load-open-users";
import { assertUserFields } from "./assert-user-unique";
import { userColumns, type OpenUserFields } from "./open-user-input";

/**
 * Open API user/add: a WeCom member known in advance (account = WeCom userid). A member removed earlier through the
 * Open API but still referenced by bookings comes back under the same id.
 */
export async function addOapiUser(input: OpenUserFields & { name: string; account: string }) {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(72430102)`); // phone/email uniqueness is checked, not indexed
      const [removed] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.userid}) = lower(${input.account}) and ${users.removedAt} is not null`);
      await assertUserFields(tx, removed?.id ?? null, {
        account: input.account,
        phone: input.phone,
        email: input.email,
        departmentId: input.departmentId,
      });
      const values = { ...userColumns(input), removedAt: null, updatedAt: new Date() } as typeof users.$inferInsert;
      const [row] = removed
        ? await tx.update(users).set(values).where(sql`${users.id} = ${removed.id}`).returning({ id: users.id })
        : await tx.insert(users).values({ ...values, userid: input.account, name: input.name }).returning({ id: users.id });
      await emitOpenEvent(tx, "user_add", [row.id]);
      await recordAudit(tx, {
        action: removed ? "user.restored" : "user.added",
        objectKind: "user",
        objectId: row.id,
        after: { account: input.account, name: input.name, ...userColumns(input) },
      });
      return (await loadOpenUsers(tx, [row.id]))[0];
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw new AppError(4006, "账号已被使用(account)", "account");
    throw e;
  }
}
