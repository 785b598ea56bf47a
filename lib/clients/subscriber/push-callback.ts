import { openMessage, sealMessage, type CallbackCredentials } from "@/lib/crypto/dingtalk-callback";

// Outbound calls to an Open API subscriber (integrations.md §2.5–2.6, §3.3): the event, encrypted and signed, as the
// seed's four-field JSON body; the subscriber must answer, within the time limit, the encrypted and signed `success`.

export type PushResult = { ok: true; ms: number } | { ok: false; error: string; ms: number };

/** The subscriber's answer must be HTTP 200 JSON whose signature verifies and whose plaintext is `success`. */
export async function pushCallback(
  url: string,
  creds: CallbackCredentials,
  event: Record<string, unknown>,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<PushResult> {
  const started = Date.now();
  const ms = () => Date.now() - started;
  const body = sealMessage(creds, JSON.stringify(event));
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal,
      redirect: "manual",
    });
    text = await res.text();
  } catch (e) {
    if (timeout.aborted) return { ok: false, error: `no answer within ${opts.timeoutMs} ms`, ms: ms() };
    return { ok: false, error: `request failed: ${(e as Error).cause ?? (e as Error).message}`, ms: ms() };
  }
  if (res.status !== 200) return { ok: false, error: `HTTP ${res.status}`, ms: ms() };
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    return { ok: false, error: "the answer is not JSON", ms: ms() };
  }
  if (!reply || typeof reply !== "object") return { ok: false, error: "the answer is not a JSON object", ms: ms() };
  let plain: string;
  try {
    plain = openMessage(creds, reply);
  } catch (e) {
    return { ok: false, error: `the answer does not verify: ${(e as Error).message}`, ms: ms() };
  }
  if (plain !== "success") return { ok: false, error: `the answer decrypts to ${JSON.stringify(plain.slice(0, 40))}, not "success"`, ms: ms() };
  return { ok: true, ms: ms() };
}
