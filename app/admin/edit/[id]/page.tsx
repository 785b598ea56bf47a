// GET /admin/edit/{id} – edit form of one admin: a super admin's, or one's own (legacy admin-edit.html, no password shown)
import { AdminEditForm } from "@/app/_components/pages/admin-edit-form";
import { ErrorView, errorViewFor } from "@/app/_components/pages/error-view";
import { getSessionAdmin } from "@/lib/auth/session";
import { getAdmin } from "@/lib/services/admins/get-admin";
import { pageId } from "@/lib/validation/page-params";

export const dynamic = "force-dynamic";

export default async function AdminEditPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  if (id === null) return <ErrorView code={4002} message="数据格式有误(id: 必须是正整数)" />;
  const actor = await getSessionAdmin();
  let row;
  try {
    row = await getAdmin(actor, id);
  } catch (e) {
    return errorViewFor(e, { href: "/meeting/admin", text: "点击跳转" });
  }
  return (
    <main className="mx-auto max-w-md p-4">
      <h1 className="text-xl font-semibold">编辑管理员</h1>
      <AdminEditForm
        id={row.id}
        username={row.username}
        privileged={row.privileged}
        canChangePrivilege={!!actor?.privileged && actor.id !== row.id}
      />
    </main>
  );
}
