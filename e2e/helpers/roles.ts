// One API context per role for authorization tables: anonymous, a WeCom user, another user, an admin, a super admin.
import { expect, request, type APIRequestContext } from "@playwright/test";
import { signInAsAdmin, signInAsUser } from "./auth";
import { ADMIN_PASSWORD, APP_URL } from "./env";

// Next serves the base path without a trailing slash: sign-in lands on /meeting.
const HOME = "/meeting";

export type Role = "anonymous" | "user" | "otherUser" | "admin" | "superAdmin";
export type Roles = Record<Role, APIRequestContext> & { ids: { user: string; otherUser: string; admin: string } };

const suffix = () => `${process.env.E2E_RUN_ID ?? Date.now()}`.slice(-6) + Math.floor(Math.random() * 1000);

export async function newContext(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: APP_URL() });
}

/** Signs in every role in its own cookie jar. The normal admin is created through POST /admin/add. */
export async function makeRoles(tag: string): Promise<Roles> {
  const s = suffix();
  const ids = { user: `${tag}u${s}`, otherUser: `${tag}o${s}`, admin: `${tag}a${s}` };
  const [anonymous, user, otherUser, admin, superAdmin] = await Promise.all(Array.from({ length: 5 }, newContext));
  await signInAsUser(user, ids.user, { name: "测试用户", mobile: "13900000001", avatar: "https://wework.example/avatar/u.png", next: HOME });
  await signInAsUser(otherUser, ids.otherUser, { name: "另一用户", next: HOME });
  await signInAsAdmin(superAdmin, "admin", ADMIN_PASSWORD());
  const added = await superAdmin.post("/meeting/admin/add", { form: { username: ids.admin, password: "admin-pass-123", privileged: "0" } });
  expect(await added.json()).toEqual({ errcode: 0, errmsg: "添加管理员成功" });
  await signInAsAdmin(admin, ids.admin, "admin-pass-123");
  return { anonymous, user, otherUser, admin, superAdmin, ids };
}

export async function disposeRoles(r: Roles | undefined) {
  if (!r) return;
  await Promise.all([r.anonymous, r.user, r.otherUser, r.admin, r.superAdmin].map((c) => c.dispose()));
}

export const ROLES: Role[] = ["anonymous", "user", "otherUser", "admin", "superAdmin"];
export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
