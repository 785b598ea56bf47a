import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { openApiCredentials, openApiSubscriptions } from "@/lib/db/schema";

/** A subscription with what signing needs (owner key = the appkey); null when absent or the app is revoked. */
export async function loadSubscription(db: Db | Tx, credentialId: number) {
  const [row] = await db
    .select({
      callbackUrl: openApiSubscriptions.callbackUrl,
      aesKey: openApiSubscriptions.aesKey,
      token: openApiSubscriptions.token,
      appkey: openApiCredentials.appkey,
      revokedAt: openApiCredentials.revokedAt,
    })
    .from(openApiSubscriptions)
    .innerJoin(openApiCredentials, eq(openApiCredentials.id, openApiSubscriptions.credentialId))
    .where(eq(openApiSubscriptions.credentialId, credentialId));
  if (!row || row.revokedAt) return null;
  return { url: row.callbackUrl, creds: { token: row.token, aesKey: row.aesKey, ownerKey: row.appkey } };
}
