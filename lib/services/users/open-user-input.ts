import "server-only";
import { roleForUserid } from "@/lib/services/auth/provision-wecom-user";

/** The writable user fields of the Open API (validated by the route's schema). */
export interface OpenUserFields {
  name?: string;
  account?: string;
  phone?: string;
  position?: string;
  email?: string;
  memo?: string;
  departmentId?: string;
  status?: number;
  isAdmin?: boolean;
}

/** Column values for the given fields; `""` clears optional ones. */
export function userColumns(f: OpenUserFields) {
  const out: Record<string, unknown> = {};
  if (f.name !== undefined) out.name = f.name;
  if (f.account !== undefined) {
    out.userid = f.account;
    out.role = roleForUserid(f.account);
  }
  if (f.phone !== undefined) out.phone = f.phone || null;
  if (f.email !== undefined) out.email = f.email || null;
  if (f.position !== undefined) out.position = f.position;
  if (f.memo !== undefined) out.memo = f.memo;
  if (f.departmentId !== undefined) out.departmentId = f.departmentId && f.departmentId !== "0" ? f.departmentId : null;
  if (f.status !== undefined) out.status = f.status;
  if (f.isAdmin !== undefined) out.isAdmin = f.isAdmin;
  return out;
}
