import argon2 from "argon2";

// argon2id with the library's defaults (m=64 MiB, t=3, p=4): OWASP-grade, ~100 ms on this hardware.
export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

/** False for a null hash (account without a usable password) or any malformed hash. */
export async function verifyPassword(hash: string | null | undefined, plain: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}
