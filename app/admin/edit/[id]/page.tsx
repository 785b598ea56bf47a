// GET /admin/edit/{id} – edit form of one admin: a super admin's, or one's own (legacy admin-edit.html, no password shown)
import { AdminProviders } from "@/app/_components/admin/providers";
import { ConsoleShell } from "@/app/_components/admin/shell";
import { PageHeader } from "@/app/_components/ui/kit";
import { AdminEditForm } from "@/app/_components/pages/admin-edit-form";
import { ErrorView, errorViewFor } from "@/app/_components/pages/error-view";
import { getSessionAdmin } from "@/lib/auth/session";
import { getAdmin } from "@/lib/services/admins/get-admin";
import { requireAdmin } from "@/lib/services/authz";
import { pageId } from "@/lib/validation/page-params";

export const dynamic = "force-dynamic";

export default async function AdminEditPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  if (id === null) return <ErrorView code={4002} message="数据格式有误(id: 必须是正整数)" />;
  const actor = await getSessionAdmin();
  let row;
  try {
    requireAdmin(actor);
    row = await getAdmin(actor, id);
  } catch (e) {
    return errorViewFor(e, { href: "/meeting/admin", text: "点击跳转" });
  }
  // Inside the console frame and menu, like every other console page.
  return (
    <AdminProviders>
      <ConsoleShell admin={{ username: actor!.username, privileged: actor!.privileged }}>
        <PageHeader title="编辑管理员" description={row.username} />
        <div className="max-w-md rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <AdminEditForm
            id={row.id}
            username={row.username}
            privileged={row.privileged}
            canChangePrivilege={!!actor?.privileged && actor.id !== row.id}
          />
        </div>
      </ConsoleShell>
    </AdminProviders>
  );
}
