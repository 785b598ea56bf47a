import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { openApiCredentials, openApiTokens } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** Revokes an app: its tokens stop working at once and no more events are pushed to it. */
export async function revokeAppCredential(id: number, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(openApiCredentials)
      .set({ revokedAt: now })
      .where(and(eq(openApiCredentials.id, id), isNull(openApiCredentials.revokedAt)))
      .returning({ id: openApiCredentials.id, appkey: openApiCredentials.appkey, name: openApiCredentials.name });
    if (updated.length === 0) throw notFound("id", "应用凭证");
    await recordAudit(tx, {
      action: "credential.revoked",
      objectKind: "credential",
      objectId: id,
      before: { appkey: updated[0].appkey, name: updated[0].name, revoked: false },
      after: { revoked: true },
    });
    await tx.delete(openApiTokens).where(eq(openApiTokens.credentialId, id));
  });
}
