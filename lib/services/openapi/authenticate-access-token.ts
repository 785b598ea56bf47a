import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { openApiCredentials, openApiTokens } from "@/lib/db/schema";
import { hashSecret } from "./hash-secret";

export interface OpenApiCaller {
  credentialId: number;
  appkey: string;
  companyId: string;
}

export type TokenCheck =
  | { ok: true; caller: OpenApiCaller }
  | { ok: false; reason: "missing" | "unknown" | "expired" };

/** Who is calling the Open API: the app whose unexpired token this is (revoked apps' tokens are unknown). */
export async function authenticateAccessToken(token: string | null | undefined, now = new Date()): Promise<TokenCheck> {
  if (!token || !token.trim()) return { ok: false, reason: "missing" };
  if (token.length > 200) return { ok: false, reason: "unknown" };
  const db = await getDb();
  const [row] = await db
    .select({
      expiresAt: openApiTokens.expiresAt,
      credentialId: openApiCredentials.id,
      appkey: openApiCredentials.appkey,
      companyId: openApiCredentials.companyId,
      revokedAt: openApiCredentials.revokedAt,
    })
    .from(openApiTokens)
    .innerJoin(openApiCredentials, eq(openApiCredentials.id, openApiTokens.credentialId))
    .where(eq(openApiTokens.tokenHash, hashSecret(token.trim())));
  if (!row || row.revokedAt) return { ok: false, reason: "unknown" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, caller: { credentialId: row.credentialId, appkey: row.appkey, companyId: row.companyId } };
}
