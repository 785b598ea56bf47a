import "server-only";
import { randomBytes } from "node:crypto";

/** Ids in the Open API's style: 32 upper-case hex characters. */
export function newOpenId(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}
