import type { Metadata } from "next";
import { AuditPage } from "@/app/_components/admin/pages/audit";
import { getSessionAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "操作日志" };

export default async function Page() {
  const admin = await getSessionAdmin();
  return <AuditPage privileged={Boolean(admin?.privileged)} />;
}
