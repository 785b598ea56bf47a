import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { jobState } from "@/lib/db/schema";

// When each periodic step last completed, in the database so that every server (and a restarted one) agrees.

export type JobName = "maintenance" | "auto-review" | "auto-clean" | "audit-retention";

export async function lastRunAt(name: JobName): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db.select({ at: jobState.lastRunAt }).from(jobState).where(eq(jobState.name, name));
  return row?.at ?? null;
}

export async function recordRun(name: JobName, at: Date, report: unknown) {
  const db = await getDb();
  const values = { lastRunAt: at, lastReport: report as object, updatedAt: new Date() };
  await db.insert(jobState).values({ name, ...values }).onConflictDoUpdate({ target: jobState.name, set: values });
}
