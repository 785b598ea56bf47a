import "server-only";
import type { admins } from "@/lib/db/schema";
import { formatDateTime } from "@/lib/time";

/** Legacy Admin table row. `password` is always empty: hashes never leave the server. */
export interface AdminRow {
  id: number;
  username: string;
  password: "";
  privileged: 0 | 1;
  createTime: string;
  /** New: false for batch-added admins, who sign in by WeCom QR until a password is set. */
  hasPassword: boolean;
  /** New: where the console rights come from — `local` (added here) or `campus` (a campus platform role). */
  rightsSource: "local" | "campus";
}

export function toAdminRow(a: typeof admins.$inferSelect): AdminRow {
  return {
    id: a.id,
    username: a.username,
    password: "",
    privileged: a.privileged ? 1 : 0,
    createTime: formatDateTime(a.createdAt),
    hasPassword: a.passwordHash !== null,
    rightsSource: a.rightsSource === "campus" ? "campus" : "local",
  };
}
