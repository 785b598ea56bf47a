import "server-only";
import { headers } from "next/headers";
import { getSessionAdmin, type SessionAdmin } from "@/lib/auth/session";
import { AppError, MESSAGES } from "@/lib/errors";
import { runWithRequestContext, setRequestActor } from "@/lib/request-context";
import { adminActor, contextFromHeaders } from "./context";

// Server actions of admin pages: the same re-check of who calls (super admin) as legacyRoute({auth:"super"}), and
// AppError turned into a plain result the form can show.

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

export async function superAction<T>(run: (admin: SessionAdmin) => Promise<T>): Promise<ActionResult<T>> {
  // Server actions of admin pages are the console's door (audit channel `console`).
  return runWithRequestContext(contextFromHeaders(await headers(), "console"), async () => {
    try {
      const admin = await getSessionAdmin();
      if (!admin) throw new AppError(1005);
      if (!admin.privileged) throw new AppError(1006);
      setRequestActor(adminActor(admin));
      return { ok: true, value: await run(admin) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.message, field: e.field };
      console.error("[meeting] server action failed:", e);
      return { ok: false, error: MESSAGES[5000] };
    }
  });
}
