// The console frame: every page below needs a signed-in admin (the middleware gates the path too; this re-checks
// against the database, so a deleted admin is sent to the login page at once).
import { redirect } from "next/navigation";
import { AdminProviders } from "@/app/_components/admin/providers";
import { ConsoleShell } from "@/app/_components/admin/shell";
import { getSessionAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const admin = await getSessionAdmin();
  if (!admin) redirect("/admin/login");
  return (
    <AdminProviders>
      <ConsoleShell admin={{ username: admin.username, privileged: admin.privileged }}>{children}</ConsoleShell>
    </AdminProviders>
  );
}
