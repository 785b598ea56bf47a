import type { Metadata } from "next";
import { DashboardPage } from "@/app/_components/admin/pages/dashboard";
import { getSessionAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "概览" };

export default async function Page() {
  const admin = await getSessionAdmin();
  return <DashboardPage privileged={Boolean(admin?.privileged)} />;
}
