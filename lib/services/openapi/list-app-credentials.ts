import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { openApiCredentials, openApiSubscriptions } from "@/lib/db/schema";

/** Apps for the settings page: never the secret (only its hash exists); the subscription's keys are shown to the super admin. */
export async function listAppCredentials() {
  const db = await getDb();
  const rows = await db
    .select({ c: openApiCredentials, s: openApiSubscriptions })
    .from(openApiCredentials)
    .leftJoin(openApiSubscriptions, eq(openApiSubscriptions.credentialId, openApiCredentials.id))
    .orderBy(desc(openApiCredentials.id));
  return rows.map(({ c, s }) => ({
    id: c.id,
    appkey: c.appkey,
    name: c.name,
    companyId: c.companyId,
    createdAt: c.createdAt,
    revokedAt: c.revokedAt,
    subscription: s ? { callbackUrl: s.callbackUrl, aesKey: s.aesKey, token: s.token, verifiedAt: s.verifiedAt } : null,
  }));
}
