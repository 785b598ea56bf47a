import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

// DingTalk-style callback crypto (integrations.md §2), used for the Open API's event pushes. Node crypto only:
// the 32-byte padding defeats both Node's default autoPadding and WebCrypto (pad values above 16), so padding is
// done by hand with setAutoPadding(false).

const BLOCK = 32;
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export class CallbackCryptoError extends Error {
  constructor(
    /** The reference implementation's code: 900004 bad key, 900005 bad signature, 900009 bad length, 900010 owner mismatch. */
    readonly code: 900004 | 900005 | 900007 | 900009 | 900010,
    message: string,
  ) {
    super(message);
    this.name = "CallbackCryptoError";
  }
}

/** AES-256 key and IV from the 43-character EncodingAESKey (lenient base64: the last char has trailing bits). */
export function deriveKey(aesKey: string): { key: Buffer; iv: Buffer } {
  if (typeof aesKey !== "string" || !/^[A-Za-z0-9]{43}$/.test(aesKey)) {
    throw new CallbackCryptoError(900004, "aes_key must be 43 characters of [A-Za-z0-9]");
  }
  const key = Buffer.from(aesKey + "=", "base64");
  if (key.length !== 32) throw new CallbackCryptoError(900004, "aes_key does not decode to 32 bytes");
  return { key, iv: key.subarray(0, 16) };
}

/** 16 random alphanumeric characters, as the reference implementations use for the plaintext prefix and nonces. */
export function randomAlnum(length = 16): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += ALNUM[bytes[i] % ALNUM.length];
  return out;
}

/** A fresh EncodingAESKey (43 alphanumeric characters). */
export function generateAesKey(): string {
  return randomAlnum(43);
}

/**
 * encrypt = base64(AES-256-CBC(random16 ‖ uint32be(len(msg)) ‖ msg ‖ ownerKey ‖ pad32)).
 * `random` is injectable so published vectors can be reproduced byte for byte.
 */
export function encryptMessage(opts: { aesKey: string; ownerKey: string; message: string; random?: string | Buffer }): string {
  const { key, iv } = deriveKey(opts.aesKey);
  const random = opts.random === undefined ? Buffer.from(randomAlnum(16)) : Buffer.from(opts.random);
  if (random.length !== 16) throw new CallbackCryptoError(900007, "random prefix must be 16 bytes");
  const msg = Buffer.from(opts.message, "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const body = Buffer.concat([random, len, msg, Buffer.from(opts.ownerKey, "utf8")]);
  const n = BLOCK - (body.length % BLOCK);
  const plain = Buffer.concat([body, Buffer.alloc(n, n)]);
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
}

/** Decrypts and checks the owner suffix; returns the UTF-8 message. Strict: bad padding or owner is an error. */
export function decryptMessage(opts: { aesKey: string; ownerKey: string; encrypt: string }): string {
  const { key, iv } = deriveKey(opts.aesKey);
  // A value that came through a form-decoded query string has spaces where '+' was.
  const cipherBytes = Buffer.from(opts.encrypt.replace(/ /g, "+").replace(/\s+/g, ""), "base64");
  if (cipherBytes.length === 0 || cipherBytes.length % 16 !== 0) {
    throw new CallbackCryptoError(900009, "ciphertext length is not a multiple of the block size");
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv("aes-256-cbc", key, iv);
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(cipherBytes), decipher.final()]);
  } catch {
    throw new CallbackCryptoError(900009, "decryption failed");
  }
  const n = plain[plain.length - 1];
  if (n < 1 || n > BLOCK || n > plain.length) throw new CallbackCryptoError(900009, "bad padding");
  for (let i = plain.length - n; i < plain.length; i++) {
    if (plain[i] !== n) throw new CallbackCryptoError(900009, "bad padding");
  }
  const unpadded = plain.subarray(0, plain.length - n);
  if (unpadded.length < 20) throw new CallbackCryptoError(900009, "plaintext too short");
  const len = unpadded.readUInt32BE(16);
  if (20 + len > unpadded.length) throw new CallbackCryptoError(900009, "length prefix exceeds the plaintext");
  const message = unpadded.subarray(20, 20 + len).toString("utf8");
  const owner = unpadded.subarray(20 + len).toString("utf8");
  if (owner !== opts.ownerKey) throw new CallbackCryptoError(900010, "owner key does not match");
  return message;
}

/** lowercase hex SHA-1 of the four strings sorted and concatenated. */
export function signature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  const parts = [token, timestamp, nonce, encrypt].sort();
  return createHash("sha1").update(parts.join(""), "utf8").digest("hex");
}

/** Constant-time comparison of a received signature with the expected one. */
export function verifySignature(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(String(received ?? "").toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SignedEnvelope {
  msg_signature: string;
  timeStamp: string;
  nonce: string;
  encrypt: string;
}

export interface CallbackCredentials {
  token: string;
  aesKey: string;
  ownerKey: string;
}

/** The four-field body of a push or a reply, encrypted and signed. */
export function sealMessage(
  creds: CallbackCredentials,
  message: string,
  opts: { timeStamp?: string; nonce?: string; random?: string } = {},
): SignedEnvelope {
  const encrypt = encryptMessage({ aesKey: creds.aesKey, ownerKey: creds.ownerKey, message, random: opts.random });
  const timeStamp = opts.timeStamp ?? String(Date.now());
  const nonce = opts.nonce ?? randomAlnum(16);
  return { msg_signature: signature(creds.token, timeStamp, nonce, encrypt), timeStamp, nonce, encrypt };
}

/**
 * Verifies and decrypts a four-field body (tolerant names: msg_signature|signature, timeStamp|timestamp, a number
 * timestamp signed as its text). Signature first, then decryption.
 */
export function openMessage(creds: CallbackCredentials, body: object): string {
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
  const sig = str(b.msg_signature) ?? str(b.signature);
  const timeStamp = str(b.timeStamp) ?? str(b.timestamp);
  const nonce = str(b.nonce);
  const encrypt = str(b.encrypt);
  if (!sig || timeStamp === undefined || nonce === undefined || !encrypt) {
    throw new CallbackCryptoError(900005, "missing msg_signature, timeStamp, nonce or encrypt");
  }
  if (!verifySignature(signature(creds.token, timeStamp, nonce, encrypt), sig)) {
    throw new CallbackCryptoError(900005, "signature mismatch");
  }
  return decryptMessage({ aesKey: creds.aesKey, ownerKey: creds.ownerKey, encrypt });
}
