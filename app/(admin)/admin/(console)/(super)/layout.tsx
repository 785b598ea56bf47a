// Super-admin pages. A normal admin who types the URL sees a refusal, never the page (the endpoints refuse with
// 1006 as well).
import { Forbidden } from "@/app/_components/admin/shell";
import { getSessionAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function SuperLayout({ children }: { children: React.ReactNode }) {
  const admin = await getSessionAdmin();
  if (!admin?.privileged) return <Forbidden />;
  return children;
}
