import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { openMessage, sealMessage, type CallbackCredentials } from "@/lib/crypto/dingtalk-callback";
import { env } from "@/lib/env";
import { isForbiddenAddress } from "./safe-address";

// Outbound calls to an Open API subscriber (integrations.md §2.5–2.6, §3.3): the event, encrypted and signed, as the
// seed's four-field JSON body; the subscriber must answer, within the time limit, the encrypted and signed `success`.
// The address connected to is checked at connect time (the socket's own DNS lookup, so a re-resolving name cannot
// slip to an internal address): loopback, private, link-local, ULA and metadata addresses are refused unless
// OPEN_API_ALLOW_PRIVATE_CALLBACKS=1. Error texts say what failed, never what the network looks like.

export type PushResult = { ok: true; ms: number } | { ok: false; error: string; ms: number };

const MAX_ANSWER_BYTES = 64 * 1024;

class RefusedAddress extends Error {}

/** A DNS lookup that answers only public addresses (all of a name's addresses must be public). */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 0);
    const list = Array.isArray(addresses) ? addresses : [];
    if (list.length === 0 || list.some((a) => isForbiddenAddress(a.address))) {
      return callback(new RefusedAddress("refused address"), "", 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

function post(url: URL, body: string, signal: AbortSignal): Promise<{ status: number; text: string }> {
  const allowPrivate = env().OPEN_API_ALLOW_PRIVATE_CALLBACKS;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(host) && isForbiddenAddress(host)) return Promise.reject(new RefusedAddress("refused address"));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        signal,
        agent: false,
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) res.destroy(new Error("answer too large"));
          else chunks.push(c);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** What an admin may read about a failed connection: the kind of failure, no addresses, ports or internals. */
function describeFailure(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { cause?: unknown };
  if (err instanceof RefusedAddress || err?.cause instanceof RefusedAddress) return "the address is not allowed (private, loopback or link-local network)";
  const code = err?.code ?? (err?.cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the host name could not be resolved";
  if (code === "ECONNREFUSED") return "the connection was refused";
  if (code === "ECONNRESET" || code === "EPIPE") return "the connection was closed";
  if (code === "ETIMEDOUT" || code === "EHOSTUNREACH" || code === "ENETUNREACH") return "the host could not be reached";
  if (typeof code === "string" && (code.startsWith("ERR_TLS") || code.includes("CERT") || code.startsWith("ERR_SSL"))) return "the TLS connection failed";
  return "the request failed";
}

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
  let res: { status: number; text: string };
  try {
    const target = new URL(url);
    if (target.protocol !== "http:" && target.protocol !== "https:") return { ok: false, error: "only http and https URLs can be called", ms: ms() };
    res = await post(target, JSON.stringify(body), signal);
  } catch (e) {
    if (timeout.aborted) return { ok: false, error: `no answer within ${opts.timeoutMs} ms`, ms: ms() };
    return { ok: false, error: `request failed: ${describeFailure(e)}`, ms: ms() };
  }
  const text = res.text;
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
