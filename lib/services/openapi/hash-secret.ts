import "server-only";
import { createHash } from "node:crypto";

/**
 * hex SHA-256 of a random credential (appsecret, access token). These are 160-bit random values, so a fast hash is
 * as good as a slow one; what matters is that a database leak does not reveal usable credentials.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
