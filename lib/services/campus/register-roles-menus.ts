import "server-only";
import { addMenuBatch, addRoleBatch, listAppRoles, listMenus, updateMenuBatch, type CampusMenu, type MenuInput } from "@/lib/clients/campus/api";
import { campusConfig, campusEnabled } from "@/lib/clients/campus/config";
import { CampusError } from "@/lib/clients/campus/errors";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, E } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { tracked } from "./family-status";
import { requireSuper } from "@/lib/services/authz";
import { adminActor } from "@/lib/request-context";

// "同步到校园平台": registers our app's roles (the configured role keys) and console menus on the platform
// (addRoleBatch, addMenuBatch / updateMenuBatch). Idempotent: what the platform already has (matched by role key,
// by menu perms) is never added again; menus whose name, order or link changed are updated.

const ROOT = { perms: "meeting", menuKey: "meeting", menuName: "会议室预约" };

/** The console's sections as platform menus (the same sections as app/_components/admin/nav.ts). */
export const APP_MENUS: { key: string; name: string; path: string }[] = [
  { key: "dashboard", name: "概览", path: "/admin" },
  { key: "review", name: "预约审核", path: "/admin/review" },
  { key: "rooms", name: "会议室", path: "/admin/rooms" },
  { key: "users", name: "用户", path: "/admin/users" },
  { key: "admins", name: "管理员", path: "/admin/admins" },
  { key: "settings", name: "参数设置", path: "/admin/settings" },
  { key: "campus", name: "校园平台", path: "/admin/campus" },
];

export interface RegisterReport {
  rolesAdded: string[];
  rolesPresent: number;
  menusAdded: number;
  menusUpdated: number;
  menusPresent: number;
}

const link = (path: string) => `${env().APP_URL}/meeting${path}`;

export async function registerRolesAndMenus(actor: SessionAdmin): Promise<RegisterReport> {
  requireSuper(actor);
  if (!campusEnabled()) throw new AppError(E.BAD_INPUT, "校园平台未启用（未设置 CAMPUS_API_BASE）");
  const { superRoleKeys, adminRoleKeys } = campusConfig();

  const report = await tracked("roles", async () => {
    try {
      return await register();
    } catch (e) {
      if (e instanceof CampusError) throw new AppError(E.SERVER_ERROR, `校园平台同步失败：${e.platformMessage ?? e.message}`);
      throw e;
    }
  });
  async function register(): Promise<RegisterReport> {
    // Roles: the configured keys, super first.
    const wanted = [
      ...superRoleKeys.map((roleKey, i) => ({ roleName: superRoleKeys.length > 1 ? `会议室超级管理员（${roleKey}）` : "会议室超级管理员", roleKey, roleSort: 1 + i })),
      ...adminRoleKeys
        .filter((k) => !superRoleKeys.includes(k))
        .map((roleKey, i) => ({ roleName: adminRoleKeys.length > 1 ? `会议室管理员（${roleKey}）` : "会议室管理员", roleKey, roleSort: 10 + i })),
    ];
    const existing = new Set((await listAppRoles()).map((r) => r.code));
    const missing = wanted.filter((r) => !existing.has(r.roleKey));
    await addRoleBatch(missing);

    // Menus: a directory, then one page per console section under it.
    let menus = await listMenus();
    let root = menus.find((m) => m.perms === ROOT.perms);
    let menusAdded = 0;
    if (!root) {
      await addMenuBatch([{ ...ROOT, parentId: 0, orderNum: 50, menuType: "M", visible: "0", redirect: link("/admin") }]);
      menusAdded++;
      menus = await listMenus();
      root = menus.find((m) => m.perms === ROOT.perms);
      if (!root?.menuId) throw new AppError(E.SERVER_ERROR, "校园平台未返回新建的菜单");
    }
    const parentId = root.menuId!;
    const desired: MenuInput[] = APP_MENUS.map((m, i) => ({
      menuName: m.name,
      parentId,
      orderNum: i + 1,
      menuType: "C",
      visible: "0",
      perms: `meeting:${m.key}`,
      menuKey: `meeting-${m.key}`,
      redirect: link(m.path),
    }));
    const byPerms = new Map<string, CampusMenu>(menus.map((m) => [m.perms, m]));
    const toAdd = desired.filter((d) => !byPerms.has(d.perms));
    const toUpdate = desired
      .filter((d) => {
        const cur = byPerms.get(d.perms);
        return cur && cur.menuId !== null && (cur.menuName !== d.menuName || cur.orderNum !== d.orderNum || cur.redirect !== d.redirect || cur.parentId !== d.parentId);
      })
      .map((d) => ({ ...d, menuId: byPerms.get(d.perms)!.menuId! }));
    await addMenuBatch(toAdd);
    await updateMenuBatch(toUpdate);
    return {
      rolesAdded: missing.map((r) => r.roleKey),
      rolesPresent: wanted.length - missing.length,
      menusAdded: menusAdded + toAdd.length,
      menusUpdated: toUpdate.length,
      menusPresent: desired.length - toAdd.length - toUpdate.length,
    };
  }
  const db = await getDb();
  await recordAudit(db, {
    action: "campus.roles_menus_synced",
    objectKind: "campus",
    objectId: null,
    after: report,
    actor: adminActor(actor),
  });
  return report;
}
