import "server-only";
import { WecomError } from "@/lib/clients/wecom/errors";
import { getJsapiTicket } from "@/lib/clients/wecom/jsapi-ticket";
import { AppError } from "@/lib/errors";

/** The corp jsapi_ticket (legacy E3), cached in the database until shortly before it expires. */
export async function readJsapiTicket(): Promise<string> {
  try {
    return await getJsapiTicket();
  } catch (e) {
    if (!(e instanceof WecomError)) throw e;
    console.warn(`[meeting] jsapi ticket unavailable: ${e.message}`);
    throw new AppError(5000);
  }
}
