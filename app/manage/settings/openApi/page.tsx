// /manage/settings/openApi – Open API app credentials, event subscription and delivery log (super admin; seed 001)
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AdminProviders } from "@/app/_components/admin/providers";
import { ConsoleShell } from "@/app/_components/admin/shell";
import { OpenApiSettings } from "@/app/_components/openapi/open-api-settings";
import { getSessionAdmin } from "@/lib/auth/session";
import { listAppCredentials } from "@/lib/services/openapi/list-app-credentials";
import { listEventDeliveries } from "@/lib/services/openapi/list-event-deliveries";
import { formatDateTimeSeconds } from "@/lib/time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "开放接口设置" };

export default async function OpenApiSettingsPage() {
  const admin = await getSessionAdmin();
  if (!admin) redirect("/admin/login?next=/meeting/manage/settings/openApi");
  if (!admin.privileged) redirect("/admin");
  const [apps, deliveries] = await Promise.all([listAppCredentials(), listEventDeliveries()]);
  const fmt = (d: Date | null) => (d ? formatDateTimeSeconds(d) : "");
  // Inside the console frame and menu, like every other console page.
  return (
    <AdminProviders>
      <ConsoleShell admin={{ username: admin.username, privileged: admin.privileged }}>
    <OpenApiSettings
      apps={apps.map((a) => ({ ...a, createdAt: fmt(a.createdAt), revokedAt: fmt(a.revokedAt), subscription: a.subscription && { ...a.subscription, verifiedAt: fmt(a.subscription.verifiedAt) } }))}
      deliveries={deliveries.map((d) => ({ ...d, createdAt: fmt(d.createdAt), deliveredAt: fmt(d.deliveredAt), nextAttemptAt: fmt(d.nextAttemptAt) }))}
    />
      </ConsoleShell>
    </AdminProviders>
  );
}
