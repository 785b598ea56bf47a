import "server-only";
import { env } from "@/lib/env";
import { kindOf, WecomError } from "./errors";

// Raw calls to the WeCom server API: 5 s timeout (legacy §7), JSON only, errcode != 0 is an error.
export const WECOM_TIMEOUT_MS = 5000;

export type WecomBody = Record<string, unknown> & { errcode?: number; errmsg?: string };

export async function wecomRequest(
  path: string,
  query: Record<string, string>,
  body?: unknown,
): Promise<WecomBody> {
  const url = new URL(`${env().WECOM_API_BASE}/cgi-bin/${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  let res: Response;
  try {
    res = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(WECOM_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (e) {
    throw new WecomError("unavailable", undefined, `WeCom ${path} unreachable: ${(e as Error).message}`);
  }
  let json: WecomBody;
  try {
    json = (await res.json()) as WecomBody;
  } catch {
    throw new WecomError("unavailable", undefined, `WeCom ${path} answered HTTP ${res.status} without JSON`);
  }
  const code = Number(json.errcode ?? 0);
  if (code !== 0) throw new WecomError(kindOf(code), code, `WeCom ${path} failed with errcode ${code}`);
  return json;
}
