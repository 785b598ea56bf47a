import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { openApiCredentials, openApiSubscriptions } from "@/lib/db/schema";
import { pushCallback } from "@/lib/clients/subscriber/push-callback";
import { badInput, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** The subscriber must answer the check_url event within this time (integrations.md §3.3). */
export const CHECK_URL_TIMEOUT_MS = 1500;

export interface SubscriptionInput {
  credentialId: number;
  callbackUrl: string;
  aesKey: string;
  token: string;
}

/**
 * Saves an app's event subscription only after the subscriber proved it can read our pushes: the encrypted
 * `check_url` event is sent and its encrypted `success` must come back within 1500 ms; otherwise nothing is saved
 * and the reason is given (field `callbackUrl`).
 */
export async function saveSubscription(input: SubscriptionInput) {
  let url: URL;
  try {
    url = new URL(input.callbackUrl.trim());
  } catch {
    throw badInput("callbackUrl", "不是有效的网址");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw badInput("callbackUrl", "只支持http或https网址");
  if (input.callbackUrl.length > 1024) throw badInput("callbackUrl", "不能超过1024个字符");
  if (!/^[A-Za-z0-9]{43}$/.test(input.aesKey)) throw badInput("aesKey", "应为43位字母或数字");
  if (!/^[A-Za-z0-9]{1,64}$/.test(input.token)) throw badInput("token", "应为1-64位字母或数字");

  const db = await getDb();
  const [cred] = await db
    .select()
    .from(openApiCredentials)
    .where(and(eq(openApiCredentials.id, input.credentialId), isNull(openApiCredentials.revokedAt)));
  if (!cred) throw notFound("credentialId", "应用凭证");

  const creds = { token: input.token, aesKey: input.aesKey, ownerKey: cred.appkey };
  const check = await pushCallback(url.toString(), creds, { event_type: "check_url" }, { timeoutMs: CHECK_URL_TIMEOUT_MS });
  if (!check.ok) throw badInput("callbackUrl", `回调地址验证失败：${check.error}`);

  const values = { callbackUrl: url.toString(), aesKey: input.aesKey, token: input.token, verifiedAt: new Date(), updatedAt: new Date() };
  await db.transaction(async (tx) => {
    const [old] = await tx
      .select({ callbackUrl: openApiSubscriptions.callbackUrl })
      .from(openApiSubscriptions)
      .where(eq(openApiSubscriptions.credentialId, cred.id));
    await tx
      .insert(openApiSubscriptions)
      .values({ credentialId: cred.id, ...values })
      .onConflictDoUpdate({ target: openApiSubscriptions.credentialId, set: values });
    // The AES key and token are secrets: only that they changed is recorded.
    await recordAudit(tx, {
      action: "subscription.saved",
      objectKind: "subscription",
      objectId: cred.id,
      before: old ? { callbackUrl: old.callbackUrl } : null,
      after: { appkey: cred.appkey, callbackUrl: values.callbackUrl, verified: true },
    });
  });
  return { ms: check.ms };
}
