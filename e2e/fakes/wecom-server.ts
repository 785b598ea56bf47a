// A fake WeCom (企业微信) for the test suites (integrations.md §1.12): the server API under /cgi-bin, the in-client
// OAuth authorize redirect and the web (QR) login redirects, plus control endpoints under /__control for tests.
// Loopback only. Run standalone: `node --import tsx e2e/fakes/wecom-server.ts --port 3101`, or in-process from
// Vitest with `startFakeWecom()` (random port).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export interface FakeUser {
  userid: string;
  name?: string;
  department?: number[];
  position?: string;
  mobile?: string;
  email?: string;
  avatar?: string;
  gender?: string;
  /** Post-2022 app: user/get omits mobile, email, avatar, gender. */
  privacyRestricted?: boolean;
}

export interface FakeMessage {
  at: string;
  body: Record<string, unknown>;
}

export interface FakeWecomOptions {
  port?: number;
  host?: string;
  corpId?: string;
  secret?: string;
  agentId?: number;
  /** Seconds; tests may shorten it. */
  tokenTtl?: number;
  ticketTtl?: number;
}

export interface FakeWecom {
  url: string;
  port: number;
  state: FakeState;
  close(): Promise<void>;
}

interface Code {
  userid?: string;
  openid?: string;
  issuedAt: number;
  used: boolean;
}

type Actor = { userid: string } | { openid: string } | { deny: true };

interface FakeState {
  corpId: string;
  secret: string;
  agentId: number;
  tokenTtl: number;
  ticketTtl: number;
  /** Answer auth/getuserinfo with the old capitalised keys (UserId/OpenId/DeviceId). */
  legacyShape: boolean;
  token: { value: string; expiresAt: number } | null;
  /** Tokens that were invalidated (answer 40014) rather than merely expired (42001). */
  revoked: Set<string>;
  ticket: { value: string; expiresAt: number } | null;
  users: Map<string, FakeUser>;
  departments: { id: number; name: string; parentid: number; order: number }[];
  codes: Map<string, Code>;
  actor: Actor;
  failNext: { path: string; errcode: number; times: number }[];
  /** Milliseconds to wait before answering a path (to make concurrent callers overlap). */
  delays: Record<string, number>;
  /** Paths (or "*") that never answer: the client's timeout is exercised. */
  silent: Set<string>;
  messages: FakeMessage[];
  counts: Record<string, number>;
  /** Every request the fake saw (path + query), newest last, for debugging and assertions. */
  log: string[];
}

// The corp directory. The first four mirror lib/db/seed.ts DEMO_USERS (same userids and names), so a test signing
// in as a demo user keeps its seeded name.
const DEFAULT_USERS: FakeUser[] = [
  { userid: "2020123456", name: "李明", department: [3], mobile: "13800138001", email: "liming@campus.example", gender: "1" },
  { userid: "2021654321", name: "王芳", department: [3], mobile: "13800138002", email: "wangfang@campus.example", gender: "2" },
  { userid: "zhanglaoshi", name: "张老师", department: [2], mobile: "13800138003", email: "zhang@campus.example", gender: "1" },
  { userid: "chenjiaoshou", name: "陈教授", department: [2], mobile: "13800138004", gender: "2" },
  { userid: "zhangsan", name: "张三", department: [1, 2], mobile: "13800000001", email: "zhangsan@example.edu", avatar: "https://wework.qpic.cn/zhangsan/0", gender: "1" },
  { userid: "2020000001", name: "学生甲", department: [3] },
];

function initialState(o: FakeWecomOptions): FakeState {
  return {
    corpId: o.corpId ?? process.env.E2E_SERVER_WECOM_CORP_ID ?? process.env.WECOM_CORP_ID ?? "wwe2ecorp",
    secret: o.secret ?? process.env.E2E_SERVER_WECOM_SECRET ?? process.env.WECOM_SECRET ?? "e2e-wecom-secret",
    agentId: Number(o.agentId ?? process.env.E2E_SERVER_WECOM_AGENT_ID ?? process.env.WECOM_AGENT_ID ?? 1000002),
    tokenTtl: o.tokenTtl ?? 7200,
    ticketTtl: o.ticketTtl ?? 7200,
    legacyShape: false,
    token: null,
    revoked: new Set(),
    ticket: null,
    users: new Map(DEFAULT_USERS.map((u) => [u.userid.toLowerCase(), { ...u }])),
    departments: [
      { id: 1, name: "校园", parentid: 0, order: 100 },
      { id: 2, name: "教务处", parentid: 1, order: 90 },
      { id: 3, name: "计算机学院", parentid: 1, order: 80 },
    ],
    codes: new Map(),
    actor: { userid: "zhangsan" },
    failNext: [],
    delays: {},
    silent: new Set(),
    messages: [],
    counts: {},
    log: [],
  };
}

const hint = () => `, hint: [${randomBytes(4).toString("hex")}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query`;

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
    ...headers,
  });
  res.end(text);
}

const err = (errcode: number, errmsg: string) => ({ errcode, errmsg: errmsg + hint() });

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return {};
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}

function mintCode(s: FakeState, who: { userid?: string; openid?: string }): string {
  const code = randomBytes(16).toString("hex");
  s.codes.set(code, { ...who, issuedAt: Date.now(), used: false });
  return code;
}

function loginRedirect(s: FakeState, url: URL, res: http.ServerResponse, kind: "oauth" | "sso") {
  const appid = url.searchParams.get("appid");
  const redirectUri = url.searchParams.get("redirect_uri");
  const state = url.searchParams.get("state") ?? "";
  const agentid = url.searchParams.get("agentid");
  const problems: string[] = [];
  if (appid !== s.corpId) problems.push(`appid must be the corpid ${s.corpId}`);
  if (kind === "oauth") {
    if (url.searchParams.get("response_type") !== "code") problems.push("response_type must be code");
    const scope = url.searchParams.get("scope");
    if (scope !== "snsapi_base" && scope !== "snsapi_privateinfo") problems.push("bad scope");
    if (agentid && Number(agentid) !== s.agentId) problems.push("bad agentid");
  } else {
    if (url.pathname === "/wwlogin/sso/login" && url.searchParams.get("login_type") !== "CorpApp") problems.push("login_type must be CorpApp");
    if (Number(agentid) !== s.agentId) problems.push("bad agentid");
  }
  let target: URL | null = null;
  try {
    target = new URL(redirectUri ?? "");
    if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error();
  } catch {
    problems.push("redirect_uri参数错误");
  }
  if (problems.length > 0 || !target) return send(res, 400, `fake wecom refuses the login: ${problems.join("; ")}`);
  const actor = s.actor;
  if (!("deny" in actor)) target.searchParams.set("code", mintCode(s, actor));
  target.searchParams.set("state", state);
  res.writeHead(302, { location: target.toString() });
  res.end();
}

/** Checks the access_token of a /cgi-bin call; answers the error itself and returns false when it is bad. */
function checkToken(s: FakeState, url: URL, res: http.ServerResponse): boolean {
  const t = url.searchParams.get("access_token");
  if (!t) return send(res, 200, err(41001, "access_token missing")), false;
  if (s.token && t === s.token.value) {
    if (Date.now() >= s.token.expiresAt) return send(res, 200, err(42001, "access_token expired")), false;
    return true;
  }
  if (s.revoked.has(t)) return send(res, 200, err(40014, "invalid access_token")), false;
  return send(res, 200, err(40014, "invalid access_token")), false;
}

function userGetBody(u: FakeUser) {
  const body: Record<string, unknown> = {
    errcode: 0,
    errmsg: "ok",
    userid: u.userid,
    name: u.name ?? u.userid,
    department: u.department ?? [1],
    position: u.position ?? "",
    status: 1,
    main_department: (u.department ?? [1])[0],
  };
  if (!u.privacyRestricted) {
    if (u.mobile !== undefined) body.mobile = u.mobile;
    if (u.email !== undefined) body.email = u.email;
    if (u.avatar !== undefined) body.avatar = u.avatar;
    body.gender = u.gender ?? "0";
  }
  return body;
}

async function handleCgi(s: FakeState, path: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
  if (path === "/cgi-bin/gettoken") {
    if (url.searchParams.get("corpid") !== s.corpId) return send(res, 200, err(40013, "invalid corpid"));
    if (url.searchParams.get("corpsecret") !== s.secret) return send(res, 200, err(40001, "invalid credential"));
    if (!s.token || Date.now() >= s.token.expiresAt) {
      s.token = { value: `tok-${randomBytes(12).toString("hex")}`, expiresAt: Date.now() + s.tokenTtl * 1000 };
    }
    const left = Math.max(1, Math.round((s.token.expiresAt - Date.now()) / 1000));
    return send(res, 200, { errcode: 0, errmsg: "ok", access_token: s.token.value, expires_in: left });
  }
  if (!checkToken(s, url, res)) return;

  switch (path) {
    case "/cgi-bin/auth/getuserinfo":
    case "/cgi-bin/user/getuserinfo": {
      const code = url.searchParams.get("code") ?? "";
      const c = s.codes.get(code);
      if (!c || c.used || Date.now() - c.issuedAt > 5 * 60_000) return send(res, 200, err(40029, "invalid code"));
      c.used = true;
      const legacy = path === "/cgi-bin/user/getuserinfo" || s.legacyShape;
      const deviceId = `dev-${randomBytes(4).toString("hex")}`;
      if (c.userid) {
        return send(res, 200, legacy
          ? { errcode: 0, errmsg: "ok", UserId: c.userid, DeviceId: deviceId }
          : { errcode: 0, errmsg: "ok", userid: c.userid });
      }
      return send(res, 200, legacy
        ? { errcode: 0, errmsg: "ok", OpenId: c.openid, DeviceId: deviceId }
        : { errcode: 0, errmsg: "ok", openid: c.openid, external_userid: `ext-${c.openid}` });
    }
    case "/cgi-bin/user/get": {
      const u = s.users.get((url.searchParams.get("userid") ?? "").toLowerCase());
      if (!u) return send(res, 200, err(60111, "userid not found"));
      return send(res, 200, userGetBody(u));
    }
    case "/cgi-bin/department/list": {
      const id = url.searchParams.get("id");
      let list = s.departments;
      if (id) {
        const root = Number(id);
        const keep = new Set<number>([root]);
        for (let changed = true; changed; ) {
          changed = false;
          for (const d of s.departments) {
            if (keep.has(d.parentid) && !keep.has(d.id)) {
              keep.add(d.id);
              changed = true;
            }
          }
        }
        list = s.departments.filter((d) => keep.has(d.id));
      }
      return send(res, 200, { errcode: 0, errmsg: "ok", department: list });
    }
    case "/cgi-bin/get_jsapi_ticket": {
      if (!s.ticket || Date.now() >= s.ticket.expiresAt) {
        s.ticket = { value: `ticket-${randomBytes(16).toString("hex")}`, expiresAt: Date.now() + s.ticketTtl * 1000 };
      }
      const left = Math.max(1, Math.round((s.ticket.expiresAt - Date.now()) / 1000));
      return send(res, 200, { errcode: 0, errmsg: "ok", ticket: s.ticket.value, expires_in: left });
    }
    case "/cgi-bin/message/send": {
      if (req.method !== "POST") return send(res, 200, err(43002, "require POST method"));
      const body = await readBody(req);
      if (Number(body.agentid) !== s.agentId) return send(res, 200, err(301002, "not allow operate another agent with this accesstoken"));
      if (body.msgtype === "text") {
        const content = (body.text as { content?: unknown } | undefined)?.content;
        if (typeof content !== "string" || !content) return send(res, 200, err(41008, "missing text content"));
      } else if (body.msgtype === "textcard") {
        const card = (body.textcard ?? {}) as Record<string, unknown>;
        if (!card.description) return send(res, 200, err(41033, "missing description"));
        if (typeof card.url !== "string" || !/^https?:\/\//.test(card.url)) return send(res, 200, err(40063, "invalid url"));
      } else {
        return send(res, 200, err(40008, "invalid message type"));
      }
      const to = String(body.touser ?? "").split("|").filter(Boolean);
      const valid = to.filter((u) => u === "@all" || s.users.has(u.toLowerCase()));
      const invalid = to.filter((u) => !valid.includes(u)).map((u) => u.toLowerCase());
      if (valid.length === 0) return send(res, 200, err(81013, "user & party & tag all invalid"));
      s.messages.push({ at: new Date().toISOString(), body });
      return send(res, 200, { errcode: 0, errmsg: "ok", invaliduser: invalid.join("|"), invalidparty: "", invalidtag: "", unlicenseduser: "", msgid: randomBytes(8).toString("hex") });
    }
    default:
      return send(res, 200, err(60000, `fake wecom has no ${path}`));
  }
}

async function handleControl(s: FakeState, path: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse, reset: () => void) {
  const body = req.method === "POST" || req.method === "PUT" ? await readBody(req) : {};
  switch (`${req.method} ${path}`) {
    case "GET /__control/health":
      return send(res, 200, { ok: true });
    case "POST /__control/reset":
      reset();
      return send(res, 200, { ok: true });
    case "POST /__control/users": {
      // One user or {users:[...]}; existing ones are replaced.
      // With {ifAbsent:true} a user the directory already has is kept as it is.
      const list = (Array.isArray(body.users) ? body.users : [body]) as (FakeUser & { ifAbsent?: boolean })[];
      for (const { ifAbsent, ...u } of list) {
        if (!u || typeof u.userid !== "string" || !u.userid) return send(res, 400, { error: "userid required" });
        if (ifAbsent && s.users.has(u.userid.toLowerCase())) continue;
        s.users.set(u.userid.toLowerCase(), { ...u });
      }
      return send(res, 200, { ok: true });
    }
    case "DELETE /__control/users": {
      const id = url.searchParams.get("userid");
      if (id) s.users.delete(id.toLowerCase());
      return send(res, 200, { ok: true });
    }
    case "POST /__control/actor": {
      // Who "opens the app" or "scans the QR code" next: {userid}, {openid} (not a member) or {deny:true}.
      if (typeof body.userid === "string") s.actor = { userid: body.userid };
      else if (typeof body.openid === "string") s.actor = { openid: body.openid };
      else if (body.deny) s.actor = { deny: true };
      else return send(res, 400, { error: "userid, openid or deny required" });
      return send(res, 200, { ok: true });
    }
    case "POST /__control/code": {
      // A code as if the authorize/login redirect had issued it, for HTTP-level tests.
      if (typeof body.userid !== "string" && typeof body.openid !== "string") return send(res, 400, { error: "userid or openid required" });
      return send(res, 200, { code: mintCode(s, body as { userid?: string; openid?: string }) });
    }
    case "POST /__control/config": {
      if (body.tokenTtl !== undefined) s.tokenTtl = Number(body.tokenTtl);
      if (body.ticketTtl !== undefined) s.ticketTtl = Number(body.ticketTtl);
      if (body.legacyShape !== undefined) s.legacyShape = Boolean(body.legacyShape);
      if (body.delays && typeof body.delays === "object") s.delays = body.delays as Record<string, number>;
      return send(res, 200, { ok: true });
    }
    case "POST /__control/expire-token":
      if (s.token) s.token.expiresAt = Date.now() - 1;
      return send(res, 200, { ok: true });
    case "POST /__control/invalidate-token":
      if (s.token) s.revoked.add(s.token.value);
      s.token = null;
      return send(res, 200, { ok: true });
    case "POST /__control/expire-ticket":
      s.ticket = null;
      return send(res, 200, { ok: true });
    case "POST /__control/fail-next": {
      // {path:"/cgi-bin/gettoken", errcode:-1, times?:1}
      if (typeof body.path !== "string") return send(res, 400, { error: "path required" });
      s.failNext.push({ path: body.path, errcode: Number(body.errcode ?? -1), times: Number(body.times ?? 1) });
      return send(res, 200, { ok: true });
    }
    case "POST /__control/silent": {
      // {paths:["/cgi-bin/gettoken"]} or {all:true}; {off:true} answers again.
      if (body.off) s.silent.clear();
      else if (body.all) s.silent.add("*");
      else for (const p of (body.paths as string[] | undefined) ?? []) s.silent.add(p);
      return send(res, 200, { ok: true });
    }
    case "GET /__control/counts":
      return send(res, 200, { ...s.counts });
    case "GET /__control/messages":
      return send(res, 200, { messages: s.messages });
    case "DELETE /__control/messages":
      s.messages = [];
      return send(res, 200, { ok: true });
    case "GET /__control/state":
      return send(res, 200, {
        token: s.token?.value ?? null,
        ticket: s.ticket?.value ?? null,
        corpId: s.corpId,
        agentId: s.agentId,
        log: s.log.slice(-50),
      });
    default:
      return send(res, 404, { error: `no control endpoint ${req.method} ${path}` });
  }
}

export function startFakeWecom(opts: FakeWecomOptions = {}): Promise<FakeWecom> {
  const s = initialState(opts);
  const reset = () => {
    const fresh = initialState(opts);
    for (const k of Object.keys(fresh) as (keyof FakeState)[]) (s as unknown as Record<string, unknown>)[k] = fresh[k];
  };
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://fake.local");
      const path = url.pathname;
      if (path.startsWith("/__control/")) return await handleControl(s, path, url, req, res, reset);

      s.counts[path] = (s.counts[path] ?? 0) + 1;
      s.log.push(`${req.method} ${path}${url.search.replace(/access_token=[^&]+/, "access_token=…")}`);
      if (s.log.length > 500) s.log.shift();

      if (s.silent.has("*") || s.silent.has(path)) {
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return; // never answer
      }
      if (s.delays[path]) await new Promise((r) => setTimeout(r, s.delays[path]));
      const fail = s.failNext.find((f) => f.path === path && f.times > 0);
      if (fail) {
        fail.times--;
        s.failNext = s.failNext.filter((f) => f.times > 0);
        return send(res, 200, err(fail.errcode, "fake failure"));
      }

      if (path === "/connect/oauth2/authorize") return loginRedirect(s, url, res, "oauth");
      if (path === "/wwlogin/sso/login" || path === "/wwopen/sso/qrConnect") return loginRedirect(s, url, res, "sso");
      if (path.startsWith("/cgi-bin/")) return await handleCgi(s, path, url, req, res);
      return send(res, 404, err(60000, "not found"));
    } catch (e) {
      send(res, 500, { errcode: -1, errmsg: `fake crashed: ${(e as Error).message}` });
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
          return s;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const r of hanging) r.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      } as FakeWecom);
    });
  });
}

// Standalone: port from --port N, else E2E_WECOM_PORT / WECOM_FAKE_PORT, else random.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf("--port");
  const port = Number(i >= 0 ? process.argv[i + 1] : (process.env.E2E_WECOM_PORT ?? process.env.WECOM_FAKE_PORT ?? 0));
  const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const fake = await startFakeWecom({ port, corpId: arg("--corp-id"), secret: arg("--secret") });
  console.log(`fake WeCom listening on ${fake.url} (corp ${fake.state.corpId}, agent ${fake.state.agentId})`);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void fake.close().then(() => process.exit(0)));
}
