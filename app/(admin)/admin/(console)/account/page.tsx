import type { Metadata } from "next";
import { AccountPage } from "@/app/_components/admin/pages/account";
import { getSessionAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "我的账号" };

export default async function Page() {
  const admin = await getSessionAdmin();
  return <AccountPage username={admin?.username ?? ""} privileged={Boolean(admin?.privileged)} />;
}
