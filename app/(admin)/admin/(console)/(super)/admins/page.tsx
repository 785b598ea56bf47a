import type { Metadata } from "next";
import { AdminsPage } from "@/app/_components/admin/pages/admins";
import { getSessionAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "管理员" };

export default async function Page() {
  const admin = await getSessionAdmin();
  return <AdminsPage me={admin?.id ?? 0} />;
}
