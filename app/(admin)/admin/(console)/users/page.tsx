import type { Metadata } from "next";
import { UsersPage } from "@/app/_components/admin/pages/users";
import { getSessionAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "用户" };

export default async function Page() {
  const admin = await getSessionAdmin();
  return <UsersPage privileged={Boolean(admin?.privileged)} />;
}
