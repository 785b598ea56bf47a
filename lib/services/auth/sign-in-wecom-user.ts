import "server-only";
import { getUserIdentity } from "@/lib/clients/wecom/get-user-identity";
import type { TokenUser } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { provisionWecomUser } from "./provision-wecom-user";
import { codeExchangeFailure } from "./wecom-failure";

/**
 * WeCom user sign-in (legacy E2): the code from the OAuth / web-login redirect → the member → the app's user.
 * 3001 refused code, 3002 not a member of the corp, 1001 WeCom could not tell who it is.
 */
export async function signInWecomUser(code: string): Promise<TokenUser> {
  if (!code) throw new AppError(3001);
  let identity;
  try {
    identity = await getUserIdentity(code);
  } catch (e) {
    throw codeExchangeFailure(e, { refused: 3001, unavailable: 1001 });
  }
  if (identity.kind !== "member") throw new AppError(3002);
  const user = await provisionWecomUser(identity.userid);
  await recordAudit(await getDb(), {
    action: "auth.user_signed_in",
    objectKind: "user",
    objectId: user.id,
    actor: { kind: "user", id: user.id, name: null },
    after: { userid: user.userid, method: "wecom" },
  });
  return user;
}
