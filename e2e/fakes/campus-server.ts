// A fake campus platform "API center" (integrations.md §4.4) for tests and the demo: the three sub-trees
// (/api/apicenter/api, /api/msg, /api/system), the credential headers checked on every call, a strict JSON parser
// (trailing commas are refused, as a real Java backend would), parameters read from the query OR a JSON body OR
// multipart fields, paged answers shaped like seed 002 (pageNum = total pages), and state for notices, schedules
// (日程), files and operation logs. Control endpoints under /__fake/apicenter/ read what the app sent and make the
// platform fail on demand. Loopback only.
// Standalone: `node --import tsx e2e/fakes/campus-server.ts --port 3232`, or in-process with `startFakeCampus()`.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export interface FakeCampusRole {
  id: number;
  name: string;
  code: string;
  deptId?: number;
  deptName?: string;
}

export interface FakeCampusUser {
  userId: number;
  userName: string;
  nick: string;
  sex?: string;
  phone?: string;
  avatar?: string;
  roles?: FakeCampusRole[];
}

export interface FakeDept {
  id: number;
  pid: number;
  name: string;
  code: string;
  type: number;
}

export interface FakeMenu {
  menuId: number;
  menuName: string;
  parentId: number;
  orderNum: string;
  menuType: string;
  visible: string;
  perms: string;
  menuKey: string;
  redirect: string;
}

export interface FakeSchedule {
  id: number;
  userName: string;
  content: string;
  remind: boolean;
  remindWay: string;
  remindTime: string;
  startDate: string;
  endDate: string;
}

export interface FakeFile {
  id: string;
  fname: string;
  ftype: string;
  data: Buffer;
  createBy: string;
  createTime: string;
}

export interface FakeCampusOptions {
  port?: number;
  host?: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
}

interface Failure {
  /** Path suffixes (after the sub-tree prefix, e.g. "/notice/push") or "*". */
  paths: string[];
  /** error: code 500 envelope; http: HTTP 503 HTML; hang: never answer. */
  mode: "error" | "http" | "hang";
  /** Remaining failures; null = until cleared. */
  times: number | null;
}

export interface FakeCampusState {
  token: string;
  clientId: string;
  clientSecret: string;
  requireHeaders: boolean;
  users: Map<string, FakeCampusUser>;
  depts: FakeDept[];
  appRoles: { id: number; name: string; code: string }[];
  menus: FakeMenu[];
  channels: { name: string; code: string; type: string }[];
  notices: { id: number; at: string; body: Record<string, unknown> }[];
  schedules: Map<number, FakeSchedule>;
  deletedSchedules: number[];
  files: Map<string, FakeFile>;
  deletedFiles: string[];
  operlogs: (Record<string, unknown> & { operId: number })[];
  /** Operation-log list field style: the seed's table says snake_case, its example camelCase. */
  operlogCase: "camel" | "snake";
  failures: Failure[];
  delays: Record<string, number>;
  counts: Record<string, number>;
  log: string[];
  nextId: number;
}

const DEFAULT_USERS: FakeCampusUser[] = [
  { userId: 101, userName: "zhangsan", nick: "张三（平台）", sex: "男", phone: "13900000001", roles: [{ id: 11, name: "普通用户", code: "wb:user", deptId: 2, deptName: "教务处" }] },
  { userId: 102, userName: "2020123456", nick: "李明", sex: "男", phone: "13900000002", roles: [{ id: 11, name: "普通用户", code: "wb:user", deptId: 3, deptName: "计算机学院" }] },
  { userId: 103, userName: "2021654321", nick: "王芳", sex: "女", phone: "13900000003", roles: [] },
  { userId: 104, userName: "zhanglaoshi", nick: "张老师", sex: "男", phone: "13900000004", roles: [{ id: 21, name: "会议室管理员", code: "meeting:admin", deptId: 2, deptName: "教务处" }] },
  { userId: 105, userName: "chenjiaoshou", nick: "陈教授", sex: "女", roles: [{ id: 22, name: "会议室超级管理员", code: "meeting:super", deptId: 2, deptName: "教务处" }] },
];

const DEFAULT_DEPTS: FakeDept[] = [
  { id: 1, pid: 0, name: "示范大学", code: "U0", type: 0 },
  { id: 2, pid: 1, name: "教务处", code: "U0-01", type: 0 },
  { id: 3, pid: 1, name: "计算机学院", code: "U0-02", type: 1 },
  { id: 4, pid: 3, name: "软件工程系", code: "U0-02-01", type: 5 },
  { id: 5, pid: 1, name: "图书馆", code: "U0-03", type: 0 },
];

function initialState(o: FakeCampusOptions): FakeCampusState {
  return {
    token: o.token ?? process.env.CAMPUS_API_TOKEN ?? "campus-demo-token",
    clientId: o.clientId ?? process.env.CAMPUS_CLIENT_ID ?? "meeting",
    clientSecret: o.clientSecret ?? process.env.CAMPUS_CLIENT_SECRET ?? "campus-demo-secret",
    requireHeaders: true,
    users: new Map(DEFAULT_USERS.map((u) => [u.userName.toLowerCase(), structuredClone(u)])),
    depts: structuredClone(DEFAULT_DEPTS),
    appRoles: [{ id: 11, name: "普通用户", code: "wb:user" }],
    menus: [],
    channels: [
      { name: "邮件", code: "MC00001", type: "mail" },
      { name: "钉钉", code: "MC00002", type: "dingTalk" },
      { name: "企业微信", code: "MC00003", type: "vx" },
      { name: "微信公众号", code: "MC00004", type: "vxProgress" },
    ],
    notices: [],
    schedules: new Map(),
    deletedSchedules: [],
    files: new Map(),
    deletedFiles: [],
    operlogs: [],
    operlogCase: "camel",
    failures: [],
    delays: {},
    counts: {},
    log: [],
    nextId: 1000,
  };
}

type Params = Record<string, unknown>;
type Reply = { status?: number; body?: unknown; raw?: { type: string; data: Buffer } };

const ok = (data: unknown = null, msg: string | null = "请求成功"): Reply => ({ body: { code: 0, msg, data } });
const fail = (msg: string): Reply => ({ body: { code: 500, msg, data: null } });

function paged(all: unknown[], p: Params): Reply {
  const pageSize = Math.max(1, Number(p.pageSize ?? 10) || 10);
  const pageNum = Math.max(1, Number(p.pageNum ?? 1) || 1);
  const rows = all.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  // Seed 002: `pageNum` in answers is the number of pages, `currPage` the page returned.
  return { body: { code: 0, msg: null, total: all.length, rows, pageNum: Math.ceil(all.length / pageSize), pageSize, currPage: pageNum } };
}

const pad = (n: number) => String(n).padStart(2, "0");
function shanghaiNow(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));

function apicenter(st: FakeCampusState, method: string, path: string, p: Params, body: unknown, files: Map<string, { name: string; type: string; data: Buffer }>): Reply {
  const user = () => st.users.get(s(p.userName).toLowerCase());
  const key = `${method} ${path}`;
  // Paths with an id at the end.
  let m: RegExpExecArray | null;
  if (method === "GET" && (m = /^\/msg\/rcInfo\/delete\/(\d+)$/.exec(path))) {
    const id = Number(m[1]);
    if (!st.schedules.delete(id)) return fail("日程不存在");
    st.deletedSchedules.push(id);
    return ok();
  }
  if (method === "GET" && (m = /^\/msg\/rcInfo\/info\/(\d+)$/.exec(path))) {
    const e = st.schedules.get(Number(m[1]));
    return e ? ok(e) : fail("日程不存在");
  }
  switch (key) {
    case "GET /user/userinfo": {
      const u = user();
      if (!u) return fail("用户不存在");
      return ok({
        profile: { userId: u.userId, sex: u.sex ?? "男", avatar: u.avatar ?? "", username: u.userName, nick: u.nick, phonenumber: u.phone ?? "" },
        roles: (u.roles ?? []).map((r) => ({ ...r, deptCode: "", dataScope: 2, permissions: [], deptIds: [] })),
        recordTime: new Date().toISOString().replace("Z", "+00:00"),
      });
    }
    case "GET /user/deptRoles": {
      const u = user();
      if (!u) return fail("用户不存在");
      return ok((u.roles ?? []).map((r) => ({ ...r, deptCode: "", dataScope: "2" })));
    }
    case "GET /user/hasRole": {
      if (!st.appRoles.some((r) => r.code === s(p.roleKey)) && ![...st.users.values()].some((u) => u.roles?.some((r) => r.code === s(p.roleKey)))) {
        return fail("当前角色不存在,请刷新重试");
      }
      return user()?.roles?.some((r) => r.code === s(p.roleKey)) ? ok() : fail("用户没有当前角色权限!");
    }
    case "GET /user/getAllDept":
    case "GET /user/getAllDeptByApp":
      return paged(st.depts, p);
    case "GET /user/deptDetailById": {
      const d = st.depts.find((x) => x.id === Number(p.id));
      return d ? ok(d) : fail("部门不存在");
    }
    case "GET /user/getAllRole":
    case "GET /user/getAllRoleByApp":
      return paged(st.appRoles, p);
    case "GET /user/getAllUser":
    case "GET /user/getAllUserByApp":
      return paged([...st.users.values()].map((u) => ({ userId: u.userId, sex: u.sex, avatar: u.avatar ?? "", username: u.userName, nick: u.nick, authApp: true })), p);
    case "POST /client/addRoleBatch": {
      if (!Array.isArray(body)) return fail("参数错误");
      const ids: number[] = [];
      for (const r of body as Params[]) {
        if (!s(r.roleName) || !s(r.roleKey)) return fail("角色名称和权限字符不能为空");
        if (st.appRoles.some((x) => x.code === s(r.roleKey))) return fail(`新增角色'${s(r.roleName)}'失败，角色权限已存在`);
        const id = ++st.nextId;
        st.appRoles.push({ id, name: s(r.roleName), code: s(r.roleKey) });
        ids.push(id);
      }
      return ok(ids);
    }
    case "GET /client/menus":
      return ok(st.menus);
    case "POST /client/addMenuBatch": {
      if (!Array.isArray(body)) return fail("参数错误");
      for (const mm of body as Params[]) {
        st.menus.push({
          menuId: ++st.nextId,
          menuName: s(mm.menuName),
          parentId: Number(mm.parentId ?? 0),
          orderNum: s(mm.orderNum ?? "0"),
          menuType: s(mm.menuType || "C"),
          visible: s(mm.visible ?? "0"),
          perms: s(mm.perms),
          menuKey: s(mm.menuKey),
          redirect: s(mm.redirect),
        });
      }
      return ok(null);
    }
    case "POST /client/updateMenuBatch": {
      if (!Array.isArray(body)) return fail("参数错误");
      for (const mm of body as Params[]) {
        const cur = st.menus.find((x) => x.menuId === Number(mm.menuId));
        if (!cur) return fail("菜单不存在");
        Object.assign(cur, { menuName: s(mm.menuName), orderNum: s(mm.orderNum), perms: s(mm.perms), menuKey: s(mm.menuKey), visible: s(mm.visible ?? "0") });
      }
      return ok(null);
    }
    case "GET /message/channel/listAll":
      return ok(st.channels);
    case "POST /notice/push": {
      if (!s(p.userName) || !s(p.title) || !s(p.content)) return fail("标题、内容和发布人不能为空");
      for (const k of ["userIds", "roleIds", "deptIds", "channelCodes"]) if (p[k] !== undefined && typeof p[k] !== "string") return fail(`${k}应为逗号分隔的字符串`);
      const id = ++st.nextId;
      st.notices.push({ id, at: new Date().toISOString(), body: { ...(body as Params) } });
      return ok(id);
    }
    case "POST /operlog": {
      const operId = ++st.nextId;
      st.operlogs.push({ ...(body as Params), operId });
      return ok(null);
    }
    case "GET /operlog/list": {
      const rows = st.operlogs
        .filter((o) => !p.title || s(o.title).includes(s(p.title)))
        .map((o) =>
          st.operlogCase === "snake"
            ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]))
            : o,
        );
      return paged(rows, p);
    }
    case "POST /msg/rcInfo": {
      const b = body as Params;
      if (!s(b.userName) || !s(b.content) || !s(b.startDate) || !s(b.endDate)) return fail("日程信息不完整");
      const id = b.id !== undefined && b.id !== null ? Number(b.id) : ++st.nextId;
      if (b.id !== undefined && b.id !== null && !st.schedules.has(id)) return fail("日程不存在");
      st.schedules.set(id, {
        id,
        userName: s(b.userName),
        content: s(b.content),
        remind: Boolean(b.remind),
        remindWay: s(b.remindWay),
        remindTime: s(b.remindTime),
        startDate: s(b.startDate),
        endDate: s(b.endDate),
      });
      return ok(null); // the seed's add answers no id
    }
    case "GET /msg/rcInfo/list": {
      const from = s(p.startDate);
      const to = s(p.endDate);
      const rows = [...st.schedules.values()]
        .filter((e) => e.userName.toLowerCase() === s(p.userName).toLowerCase())
        .filter((e) => (!from || e.endDate >= from) && (!to || e.startDate <= to))
        .map(({ userName: _u, ...rest }) => rest);
      return paged(rows, p);
    }
    case "POST /file/client/add": {
      const f = files.get("file");
      if (!f) return fail("上传文件不能为空");
      const id = randomBytes(16).toString("hex");
      const rec: FakeFile = { id, fname: f.name, ftype: f.type, data: f.data, createBy: s(p.userName), createTime: shanghaiNow() };
      st.files.set(id, rec);
      return ok({ createBy: rec.createBy, createTime: rec.createTime, id, fname: rec.fname, furl: `/profile/upload/${id}`, ftype: rec.ftype });
    }
    case "GET /file/client/download": {
      const f = st.files.get(s(p.id));
      if (!f) return fail("当前文件不存在");
      return { raw: { type: f.ftype || "application/octet-stream", data: f.data } };
    }
    case "GET /file/client/delete": {
      if (!st.files.delete(s(p.id))) return fail("当前文件不存在");
      st.deletedFiles.push(s(p.id));
      return ok();
    }
    case "GET /file/client/exist":
      return st.files.has(s(p.id)) ? ok() : fail("当前文件不存在");
    case "GET /file/client/hasPermission":
      return st.files.has(s(p.id)) ? ok() : fail("无权查看该文件");
    case "GET /file/client/list":
      return paged([...st.files.values()].filter((f) => !p.fname || f.fname.includes(s(p.fname))).map(({ data: _d, ...rest }) => rest), p);
    default:
      return { status: 404, body: { code: 404, msg: `fake API center has no ${key}`, data: null } };
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json;charset=UTF-8" });
  res.end(JSON.stringify(body));
}

export interface FakeCampus {
  url: string;
  port: number;
  state: FakeCampusState;
  reset(): void;
  close(): Promise<void>;
}

export function startFakeCampus(opts: FakeCampusOptions = {}): Promise<FakeCampus> {
  const st = initialState(opts);
  const reset = () => {
    const fresh = initialState(opts);
    for (const k of Object.keys(fresh) as (keyof FakeCampusState)[]) (st as unknown as Record<string, unknown>)[k] = fresh[k];
  };
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://fake.local");
      const raw = await readBody(req);
      if (url.pathname.startsWith("/__fake/apicenter/")) return control(st, req.method ?? "GET", url, raw, res, reset);

      const route = /^\/api\/(apicenter\/api|msg|system)(\/.*)$/.exec(url.pathname);
      if (!route) return send(res, 404, { code: 404, msg: "not found", data: null });
      const sub = route[2];
      st.counts[sub] = (st.counts[sub] ?? 0) + 1;
      st.log.push(`${req.method} ${url.pathname}${url.search}`);
      if (st.log.length > 500) st.log.shift();

      const failure = st.failures.find((f) => f.paths.includes("*") || f.paths.includes(sub));
      if (failure) {
        if (failure.times !== null && --failure.times <= 0) st.failures = st.failures.filter((f) => f !== failure);
        if (failure.mode === "hang") {
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return;
        }
        if (failure.mode === "http") {
          res.writeHead(503, { "content-type": "text/html" });
          return res.end("<html>503 Service Unavailable</html>");
        }
        return send(res, 200, { code: 500, msg: "服务暂不可用（模拟故障）", data: null });
      }
      if (st.delays[sub] ?? st.delays["*"]) await new Promise((r) => setTimeout(r, st.delays[sub] ?? st.delays["*"]));

      if (st.requireHeaders) {
        const h = req.headers;
        if (h["api-token"] !== st.token || h["clientid"] !== st.clientId || h["clientsecret"] !== st.clientSecret) {
          return send(res, 200, { code: 500, msg: "认证失败：api-token/clientId/clientSecret 无效", data: null });
        }
      }

      // Parameters: query, then a JSON body (strict: JSON.parse refuses trailing commas), then multipart fields.
      const params: Params = Object.fromEntries(url.searchParams);
      let body: unknown = undefined;
      const files = new Map<string, { name: string; type: string; data: Buffer }>();
      const type = req.headers["content-type"] ?? "";
      if (raw.length > 0 && type.includes("multipart/form-data")) {
        const fd = await new Request("http://x/", { method: "POST", headers: { "content-type": type }, body: new Uint8Array(raw) }).formData();
        for (const [k, v] of fd.entries()) {
          if (typeof v === "string") params[k] = v;
          else files.set(k, { name: v.name, type: v.type, data: Buffer.from(await v.arrayBuffer()) });
        }
      } else if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          return send(res, 400, { code: 500, msg: "JSON parse error: 请求体不是合法的 JSON", data: null });
        }
        if (body && typeof body === "object" && !Array.isArray(body)) Object.assign(params, body);
      }
      const reply = route[1] === "apicenter/api" ? apicenter(st, req.method ?? "GET", sub, params, body, files) : { status: 404, body: { code: 404, msg: "not implemented in the fake", data: null } };
      if (reply.raw) {
        res.writeHead(200, { "content-type": reply.raw.type, "content-length": reply.raw.data.length });
        return res.end(reply.raw.data);
      }
      return send(res, reply.status ?? 200, reply.body);
    } catch (e) {
      send(res, 500, { code: 500, msg: `fake crashed: ${(e as Error).message}`, data: null });
    }
  });
  server.keepAliveTimeout = 1000;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        get state() {
          return st;
        },
        reset,
        close: () =>
          new Promise<void>((done) => {
            for (const r of hanging) r.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      } as FakeCampus);
    });
  });
}

/** What the app sent, as the control endpoint reports it (files without their bytes). */
export function fakeCampusOutbox(st: FakeCampusState) {
  return {
    notices: st.notices,
    schedules: [...st.schedules.values()],
    deletedSchedules: st.deletedSchedules,
    files: [...st.files.values()].map(({ data, ...f }) => ({ ...f, size: data.length })),
    deletedFiles: st.deletedFiles,
    operlogs: st.operlogs,
    appRoles: st.appRoles,
    menus: st.menus,
    depts: st.depts,
    counts: st.counts,
  };
}

function control(st: FakeCampusState, method: string, url: URL, raw: Buffer, res: http.ServerResponse, reset: () => void) {
  let b: Params = {};
  if (raw.length) {
    try {
      b = JSON.parse(raw.toString("utf8")) as Params;
    } catch {
      return send(res, 400, { error: "bad JSON" });
    }
  }
  const path = url.pathname.slice("/__fake/apicenter".length);
  switch (`${method} ${path}`) {
    case "GET /health":
      return send(res, 200, { ok: true });
    case "POST /reset":
      reset();
      return send(res, 200, { ok: true });
    case "GET /outbox":
      return send(res, 200, fakeCampusOutbox(st));
    case "GET /log":
      return send(res, 200, { log: st.log });
    case "POST /users": {
      // One user or {users:[...]}; replaces users with the same userName.
      const list = (Array.isArray(b.users) ? b.users : [b]) as FakeCampusUser[];
      for (const u of list) {
        if (!u?.userName) return send(res, 400, { error: "userName required" });
        st.users.set(u.userName.toLowerCase(), { ...u, userId: u.userId ?? ++st.nextId, nick: u.nick ?? u.userName });
      }
      return send(res, 200, { ok: true });
    }
    case "POST /roles": {
      // {userName, roles:[{id,name,code}]}: the person's platform roles from now on.
      const u = st.users.get(String(b.userName ?? "").toLowerCase());
      if (!u) return send(res, 404, { error: "no such user" });
      u.roles = (b.roles as FakeCampusRole[]) ?? [];
      return send(res, 200, { ok: true });
    }
    case "POST /depts":
      // {depts:[...]}: the department tree from now on.
      st.depts = (b.depts as FakeDept[]) ?? [];
      return send(res, 200, { ok: true });
    case "POST /fail": {
      // {paths:["/notice/push"]|["*"], mode:"error"|"http"|"hang", times?:n}; {off:true} clears every failure.
      if (b.off) st.failures = [];
      else st.failures.push({ paths: (b.paths as string[]) ?? ["*"], mode: (b.mode as Failure["mode"]) ?? "error", times: b.times === undefined ? null : Number(b.times) });
      return send(res, 200, { ok: true });
    }
    case "POST /config": {
      if (b.requireHeaders !== undefined) st.requireHeaders = Boolean(b.requireHeaders);
      if (b.operlogCase === "snake" || b.operlogCase === "camel") st.operlogCase = b.operlogCase;
      if (b.delays && typeof b.delays === "object") st.delays = b.delays as Record<string, number>;
      return send(res, 200, { ok: true });
    }
    default:
      return send(res, 404, { error: `no control endpoint ${method} ${path}` });
  }
}

// Standalone: port from --port N, else E2E_CAMPUS_PORT, else random.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf("--port");
  const port = Number(i >= 0 ? process.argv[i + 1] : (process.env.E2E_CAMPUS_PORT ?? 0));
  const fake = await startFakeCampus({ port });
  console.log(`fake campus API center listening on ${fake.url}`);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void fake.close().then(() => process.exit(0)));
}
