// Reads the session cookie without Auth.js's session action: decrypt and verify only, never re-encrypt (Auth.js
// would encrypt a fresh cookie on every call, which the middleware and the routes then throw away). The key is
// derived from AUTH_SECRET once per process (HKDF, exactly as Auth.js derives it), not once per request.
// Edge-safe: used by the middleware and by the Node side.
import "server-only";
import { hkdf } from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";
import { authSecret } from "@/lib/env";
import type { TokenAdmin, TokenUser } from "./identity";
import { sessionCookieName } from "./auth.config";

export interface SessionToken extends JWTPayload {
  u?: TokenUser;
  a?: TokenAdmin;
}

interface DerivedKey {
  secret: string;
  salt: string;
  key: Promise<{ key: Uint8Array; kid: string }>;
}
let derived: DerivedKey | undefined;

/** The content-encryption key of the session cookie and its thumbprint (the JWE `kid`), derived once per process. */
function sessionKey(): Promise<{ key: Uint8Array; kid: string }> {
  const secret = authSecret();
  const salt = sessionCookieName();
  if (!derived || derived.secret !== secret || derived.salt !== salt) {
    const key = (async () => {
      const k = await hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64);
      return { key: k, kid: await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(k) }, "sha512") };
    })();
    derived = { secret, salt, key };
  }
  return derived.key;
}

/**
 * The token in a session cookie value, or null when it is absent, expired, tampered with, corrupt, or sealed with
 * another secret (an old AUTH_SECRET, another app's cookie). Never throws.
 */
export async function decodeSessionToken(raw: string | undefined | null): Promise<SessionToken | null> {
  if (!raw || raw.length > 8192) return null;
  try {
    const { key, kid } = await sessionKey();
    const known = decoded.get(raw);
    if (known && known.kid === kid) {
      if (expired(known.payload)) {
        decoded.delete(raw);
        return null;
      }
      return copyOf(known.payload);
    }
    const { payload } = await jwtDecrypt(
      raw,
      (header) => {
        if (header.kid !== undefined && header.kid !== kid) throw new Error("sealed with another secret");
        return key;
      },
      { clockTolerance: CLOCK_TOLERANCE_S, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512"] },
    );
    remember(raw, kid, copyOf(payload as SessionToken));
    return payload as SessionToken;
  } catch {
    return null;
  }
}

// Tokens this process has already verified, by their exact text. A browser sends the same cookie on every request,
// and verifying it is several WebCrypto calls (AES-CBC, HMAC, a constant-time compare) through the thread pool: the
// same bytes always decrypt to the same payload under the same key, so only the expiry is checked again. Only tokens
// that verified are kept (garbage cookies cannot fill it); bounded, oldest first out. Revocation is unaffected: the
// Node side re-reads the user and admin from the database on every request.
const DECODED_MAX = 5000;
const CLOCK_TOLERANCE_S = 15;
const decoded = new Map<string, { kid: string; payload: SessionToken }>();

function expired(p: SessionToken): boolean {
  return typeof p.exp === "number" && Date.now() / 1000 > p.exp + CLOCK_TOLERANCE_S;
}

/** Callers get their own copy: nothing they do to it reaches the cache. */
function copyOf(p: SessionToken): SessionToken {
  return { ...p, ...(p.u ? { u: { ...p.u } } : {}), ...(p.a ? { a: { ...p.a } } : {}) };
}

function remember(raw: string, kid: string, payload: SessionToken) {
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(raw, { kid, payload });
}

/** Every value of one cookie name in a Cookie header, in the order sent (several paths may set the same name). */
export function cookieValues(cookieHeader: string | null | undefined, name: string): string[] {
  if (!cookieHeader) return [];
  const out: string[] = [];
  for (const part of cookieHeader.split(/;\s*/)) {
    if (!part.startsWith(`${name}=`)) continue;
    const v = part.slice(name.length + 1);
    try {
      out.push(decodeURIComponent(v));
    } catch {
      out.push(v);
    }
  }
  return out;
}

/** One cookie's value from a Cookie header (the first one of that name, as browsers send the most specific first). */
export const cookieValue = (cookieHeader: string | null | undefined, name: string): string | undefined => cookieValues(cookieHeader, name)[0];

/**
 * The session token of a request's Cookie header. A stale, corrupt or planted cookie of the same name (another
 * path, an old secret) never hides a valid one: the first value that verifies wins.
 */
export async function sessionTokenOf(cookieHeader: string | null | undefined): Promise<SessionToken | null> {
  for (const raw of cookieValues(cookieHeader, sessionCookieName()).slice(0, 5)) {
    const token = await decodeSessionToken(raw);
    if (token) return token;
  }
  return null;
}
