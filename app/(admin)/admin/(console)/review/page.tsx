import type { Metadata } from "next";
import { ReviewPage } from "@/app/_components/admin/pages/review";
import { getSessionAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "预约审核" };

export default async function Page() {
  const admin = await getSessionAdmin();
  return <ReviewPage privileged={Boolean(admin?.privileged)} />;
}
