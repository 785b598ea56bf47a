import "server-only";
import { CampusError, HAS_ROLE_NO } from "./errors";
import { campusAllPages, campusCall, campusPage } from "./http";
import { CAMPUS_PATHS as P } from "./paths";
import { field, int, obj, sexOf, str, type Obj } from "./read";

// The API center's calls the app uses, with typed, tolerant results. Services call these; nothing else builds
// requests to the platform.

export interface CampusRole {
  id: number | null;
  name: string;
  /** The role key (`code`). */
  code: string;
  deptId: number | null;
  deptName: string;
}

export interface CampusProfile {
  userId: number | null;
  userName: string;
  nick: string;
  phone: string;
  sex: 0 | 1 | 2;
  avatar: string;
  roles: CampusRole[];
}

const role = (r: unknown): CampusRole => {
  const o = obj(r);
  return { id: int(o.id), name: str(o.name), code: str(o.code ?? o.roleKey), deptId: int(o.deptId), deptName: str(o.deptName) };
};

/** 3.1.1 user/userinfo: profile and roles of one person by 工号. */
export async function getUserInfo(userName: string): Promise<CampusProfile> {
  const { data } = await campusCall("GET", P.userInfo, { query: { userName } });
  const d = obj(data);
  const p = obj(d.profile);
  return {
    userId: int(p.userId),
    userName: str(p.username ?? p.userName) || userName,
    nick: str(p.nick ?? p.nickName),
    phone: str(p.phonenumber ?? p.phoneNumber ?? p.phone),
    sex: sexOf(p.sex),
    avatar: str(p.avatar),
    roles: Array.isArray(d.roles) ? d.roles.map(role) : [],
  };
}

/** 3.1.4 user/deptRoles: the person's roles per department. */
export async function getDeptRoles(userName: string): Promise<CampusRole[]> {
  const { data } = await campusCall("GET", P.deptRoles, { query: { userName } });
  return Array.isArray(data) ? data.map(role) : [];
}

/** 3.2.3 user/hasRole: true, false (the two documented "no" answers, which come as code 500), or an error. */
export async function hasRole(userName: string, roleKey: string): Promise<boolean> {
  try {
    await campusCall("GET", P.hasRole, { query: { userName, roleKey } });
    return true;
  } catch (e) {
    if (e instanceof CampusError && e.kind === "refused" && HAS_ROLE_NO.includes((e.platformMessage ?? "").trim())) return false;
    throw e;
  }
}

export interface CampusDept {
  id: number;
  pid: number | null;
  name: string;
  code: string;
  type: number | null;
}

/** 3.4.3 getAllDeptByApp (the departments authorised for this app), every page. */
export async function listAppDepts(pageSize = 100): Promise<CampusDept[]> {
  const rows = await campusAllPages(P.deptsByApp, {}, pageSize);
  const out: CampusDept[] = [];
  for (const r of rows) {
    const o = obj(r);
    const id = int(o.id ?? o.deptId);
    if (id === null) continue;
    const pid = int(o.pid ?? o.parentId);
    out.push({ id, pid: pid === 0 ? null : pid, name: str(o.name ?? o.deptName).trim(), code: str(o.code ?? o.deptNo), type: int(o.type) });
  }
  return out;
}

export interface CampusAppRole {
  id: number | null;
  name: string;
  code: string;
}

/** 3.4.2 getAllRoleByApp, every page. */
export async function listAppRoles(): Promise<CampusAppRole[]> {
  const rows = await campusAllPages(P.rolesByApp, {}, 100);
  return rows.map((r) => {
    const o = obj(r);
    return { id: int(o.id ?? o.roleId), name: str(o.name ?? o.roleName), code: str(o.code ?? o.roleKey) };
  });
}

/** 3.4.17 addRoleBatch: the new role ids. */
export async function addRoleBatch(roles: { roleName: string; roleKey: string; roleSort: number }[]): Promise<number[]> {
  if (roles.length === 0) return [];
  const { data } = await campusCall("POST", P.addRoleBatch, { body: roles });
  return Array.isArray(data) ? data.map(int).filter((n): n is number => n !== null) : [];
}

export interface CampusMenu {
  menuId: number | null;
  menuName: string;
  parentId: number | null;
  orderNum: number;
  menuType: string;
  visible: string;
  perms: string;
  menuKey: string;
  redirect: string;
}

/** 3.4.16 client/menus (documented as a GET with an empty JSON body: sent without one). */
export async function listMenus(): Promise<CampusMenu[]> {
  const { data } = await campusCall("GET", P.menus);
  return (Array.isArray(data) ? data : []).map((m) => {
    const o = obj(m);
    return {
      menuId: int(o.menuId ?? o.id),
      menuName: str(o.menuName ?? o.name),
      parentId: int(o.parentId ?? o.pid),
      orderNum: int(o.orderNum) ?? 0,
      menuType: str(o.menuType),
      visible: str(o.visible ?? "0"),
      perms: str(o.perms),
      menuKey: str(o.menuKey),
      redirect: str(o.redirect),
    };
  });
}

export type MenuInput = Omit<CampusMenu, "menuId" | "parentId" | "orderNum"> & { parentId: number; orderNum: number };

/** 3.4.26 addMenuBatch (answers no ids: read client/menus afterwards). */
export async function addMenuBatch(menus: MenuInput[]): Promise<void> {
  if (menus.length) await campusCall("POST", P.addMenuBatch, { body: menus });
}

/** 3.4.10 updateMenuBatch. */
export async function updateMenuBatch(menus: (MenuInput & { menuId: number })[]): Promise<void> {
  if (menus.length) await campusCall("POST", P.updateMenuBatch, { body: menus });
}

export interface CampusChannel {
  name: string;
  code: string;
  type: string;
}

/** 3.5.1 message/channel/listAll — also the console's cheap connection check. */
export async function listChannels(): Promise<CampusChannel[]> {
  const { data } = await campusCall("GET", P.channels);
  return (Array.isArray(data) ? data : []).map((c) => {
    const o = obj(c);
    return { name: str(o.name), code: str(o.code), type: str(o.type) };
  });
}

export interface NoticeInput {
  /** The operator (seed: 发布人); we send the recipient's 工号 as the addressee in userIds too. */
  userName: string;
  title: string;
  content: string;
  availableTimeStart: string;
  availableTimeEnd: string;
  userIds?: string;
  channelCodes?: string;
}

/** 3.5.2 notice/push: the notice id. The id lists are comma-separated strings. */
export async function pushNotice(n: NoticeInput): Promise<number | null> {
  const { data } = await campusCall("POST", P.noticePush, { body: n });
  return int(data);
}

export interface OperlogInput {
  title: string;
  businessType: number;
  method: string;
  requestMethod: string;
  operatorType: number;
  operName: string;
  operNick?: string;
  operUrl: string;
  operIp: string;
  operParam: string;
  jsonResult: string;
  status: 0 | 1;
  errorMsg: string;
  operTime: string;
}

/** 3.7.1 POST /operlog. */
export async function postOperlog(log: OperlogInput): Promise<void> {
  await campusCall("POST", P.operlog, { body: log });
}

export interface OperlogRow {
  operId: number | null;
  title: string;
  businessType: number | null;
  operName: string;
  operUrl: string;
  status: number | null;
  operTime: string;
}

/** 3.7.2 operlog/list: camelCase as the example shows, snake_case as the table documents. */
export async function listOperlogs(query: { title?: string; pageNum?: number; pageSize?: number } = {}): Promise<{ total: number; rows: OperlogRow[] }> {
  const page = await campusPage(P.operlogList, query.pageNum ?? 1, query.pageSize ?? 50, { title: query.title });
  return {
    total: page.total,
    rows: page.rows.map((r) => {
      const o = obj(r);
      return {
        operId: int(field(o, "operId")),
        title: str(field(o, "title")),
        businessType: int(field(o, "businessType")),
        operName: str(field(o, "operName")),
        operUrl: str(field(o, "operUrl")),
        status: int(field(o, "status")),
        operTime: str(field(o, "operTime")),
      };
    }),
  };
}

export interface ScheduleInput {
  /** Present when updating an entry (undocumented in the seed, which says "add or update"). */
  id?: number;
  userName: string;
  content: string;
  remind: boolean;
  remindWay: string;
  remindTime: string;
  startDate: string;
  endDate: string;
}

/** 3.8.1 POST msg/rcInfo: add (or update with `id`); answers no id. */
export async function saveSchedule(s: ScheduleInput): Promise<void> {
  await campusCall("POST", P.rcInfo, { body: s });
}

export interface ScheduleRow {
  id: number | null;
  content: string;
  startDate: string;
  endDate: string;
}

/** 3.8.3 msg/rcInfo/list for one person and date range, every page. */
export async function listSchedules(userName: string, startDate: string, endDate: string): Promise<ScheduleRow[]> {
  const rows = await campusAllPages(P.rcInfoList, { userName, startDate, endDate }, 100, 20);
  return rows.map((r) => {
    const o: Obj = obj(r);
    return { id: int(o.id), content: str(o.content), startDate: str(o.startDate), endDate: str(o.endDate) };
  });
}

/** 3.8.2 GET msg/rcInfo/delete/{id} — a destructive GET: called once, never retried here. */
export async function deleteSchedule(id: number): Promise<void> {
  await campusCall("GET", `${P.rcInfoDelete}/${encodeURIComponent(String(id))}`);
}
