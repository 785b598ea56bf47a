import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { openApiCredentials } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { hashSecret } from "./hash-secret";

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function newAppkey(): string {
  const bytes = randomBytes(12);
  let s = "";
  for (const b of bytes) s += LOWER_ALNUM[b % LOWER_ALNUM.length];
  return s;
}

/** New app credentials; the returned appsecret is the only time it exists in clear. */
export async function createAppCredential(opts: { name?: string; adminId?: number | null }) {
  const name = (opts.name ?? "").trim();
  if (name.length > 64) throw badInput("name", "不能超过64个字符");
  const appsecret = randomBytes(20).toString("hex");
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(openApiCredentials)
      .values({
        appkey: newAppkey(),
        secretHash: hashSecret(appsecret),
        companyId: env().OPEN_API_COMPANY_ID,
        name,
        createdByAdminId: opts.adminId ?? null,
      })
      .returning();
    // The appsecret is never recorded: only which app was created.
    await recordAudit(tx, { action: "credential.created", objectKind: "credential", objectId: row.id, after: { appkey: row.appkey, name: row.name } });
    return row;
  });
  return { id: row.id, appkey: row.appkey, appsecret, companyId: row.companyId, name: row.name, createdAt: row.createdAt };
}
