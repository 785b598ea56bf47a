import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { openApiCredentials, openApiTokens } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { hashSecret } from "./hash-secret";

export const TOKEN_TTL_SECONDS = 7200;
/** Expired tokens are kept this long so that callers get "expired" (71004) rather than "illegal" (71003). */
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;

/**
 * gettoken: a new 7200-second token for a valid, unrevoked appkey/appsecret pair. Every call issues a fresh token
 * (only hashes are stored, so an earlier one cannot be handed out again); earlier tokens stay valid until they expire.
 */
export async function issueAccessToken(appkey: string, appsecret: string, now = new Date()) {
  const db = await getDb();
  const [cred] = await db
    .select()
    .from(openApiCredentials)
    .where(and(eq(openApiCredentials.appkey, appkey), isNull(openApiCredentials.revokedAt)));
  const given = Buffer.from(hashSecret(appsecret), "hex");
  const ok = cred && timingSafeEqual(Buffer.from(cred.secretHash, "hex"), given);
  if (!ok) throw new AppError(4002, "appkey 或 appsecret 不正确", "appsecret");

  const token = randomBytes(20).toString("hex");
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_SECONDS * 1000);
  await db.transaction(async (tx) => {
    await tx.delete(openApiTokens).where(lt(openApiTokens.expiresAt, new Date(now.getTime() - KEEP_EXPIRED_MS)));
    await tx.insert(openApiTokens).values({ tokenHash: hashSecret(token), credentialId: cred.id, expiresAt });
  });
  return { access_token: token, company_id: cred.companyId, expires_in: TOKEN_TTL_SECONDS };
}
