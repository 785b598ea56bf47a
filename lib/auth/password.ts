import "server-only";
import argon2 from "argon2";

// argon2id with the library's defaults (m=64 MiB, t=3, p=4): OWASP-grade, ~100 ms on this hardware.
export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

let dummyHash: Promise<string> | undefined;

/** Burns one argon2 verification whose answer is ignored. */
async function wasteOneVerify(plain: string): Promise<void> {
  await argon2.verify(await (dummyHash ??= hashPassword("no-password-matches-this")), `${plain}\0`).catch(() => false);
}

/**
 * False for a null hash (account without a usable password, or none at all) or any malformed hash. Every call costs
 * one argon2 verification, so response time never tells an unknown or password-less account from a wrong password.
 */
export async function verifyPassword(hash: string | null | undefined, plain: string): Promise<boolean> {
  if (!hash || !hash.startsWith("$argon2")) {
    await wasteOneVerify(plain);
    return false;
  }
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}
