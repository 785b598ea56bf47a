import "server-only";
import { WecomError } from "@/lib/clients/wecom/errors";
import { AppError, type ErrorCode } from "@/lib/errors";

/**
 * What a failed code exchange means to the person signing in: the code was refused (used, expired, forged), or
 * WeCom could not tell us who they are. Anything but a WecomError is a bug and is rethrown.
 */
export function codeExchangeFailure(e: unknown, codes: { refused: ErrorCode; unavailable: ErrorCode }): AppError {
  if (e instanceof AppError) return e;
  if (!(e instanceof WecomError)) throw e;
  console.warn(`[meeting] WeCom sign-in failed: ${e.message}`);
  return new AppError(e.kind === "invalid-code" ? codes.refused : codes.unavailable);
}
