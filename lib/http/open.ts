import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, ClosedError, type ErrorCode } from "@/lib/errors";
import { setRequestActor } from "@/lib/request-context";
import { readCappedBody } from "./body-limit";
import { authenticateAccessToken, type OpenApiCaller } from "@/lib/services/openapi/authenticate-access-token";
import { NOT_FOUND_ISSUE } from "@/lib/validation/open-api";
import { withRequestContext } from "./context";
import { describeUnavailable, isDatabaseUnavailable, unavailableHeaders } from "./unavailable";

// The Open API envelope {success, code, message, value?, fieldErrors} (integrations.md §3.1) and the ONE mapping of
// our AppError codes (the legacy errcodes) to Open API codes. Nothing else builds this envelope.

export const OPEN_OK = 10000;

/** Which kind of id the endpoint is about: a 4040 on its generic `id` field maps to that kind's code. */
export type OpenResource = "user" | "dept" | "room" | "meeting" | "token";

const NOT_FOUND_BY_FIELD: Record<string, number> = {
  userId: 71009,
  createdId: 71009,
  userIds: 71009,
  account: 71009,
  deptId: 71010,
  departmentId: 71010,
  parentId: 71010,
  roomId: 71011,
  meetingId: 71012,
  attendanceId: 71013,
  attendances: 71009,
};
const NOT_FOUND_BY_RESOURCE: Record<OpenResource, number> = { user: 71009, dept: 71010, room: 71011, meeting: 71012, token: 71001 };

/** Legacy/domain code → Open API code (71014–71016 are ours: the seed has no codes for them). */
const BY_CODE: Partial<Record<ErrorCode, number>> = {
  2003: 71014, // time conflict
  2004: 71015,
  2005: 71015,
  2006: 71015,
  2009: 71015, // state forbids the operation
  1009: 71015,
  2008: 71016, // no permission for the room
  2007: 71012,
  3003: 71001, // outside the bookable hours
  4002: 71001,
  4003: 71001,
  4006: 71006,
  4007: 71007,
};

const ENGLISH: Record<number, string> = {
  71001: "Invalid arguments",
  71002: "Missing access_token",
  71003: "Illegal access_token",
  71004: "Expired access_token",
  71006: "Account already used",
  71007: "Phone already used",
  71008: "Argument type mismatch",
  71009: "User is not exist",
  71010: "Department is not exist",
  71011: "Room is not exist",
  71012: "Meeting is not exist",
  71013: "Attendance is not exist",
  71014: "Time conflict",
  71015: "The meeting's state does not allow this operation",
  71016: "No permission for the room",
  71017: "The room is closed at that time",
};

export function openOk(value?: unknown) {
  const body: Record<string, unknown> = { success: true, code: OPEN_OK, message: "" };
  if (value !== undefined) body.value = value;
  body.fieldErrors = {};
  return NextResponse.json(body);
}

export function openFail(code: number, message: string, field?: string, status = 200) {
  return NextResponse.json(
    { success: false, code, message, fieldErrors: field ? { [field]: message } : {} },
    { status },
  );
}

/** Services name the legacy fields; the Open API caller sent these instead. */
const OPEN_FIELD: Record<string, string> = { datetime: "beginTime", duration: "endTime", size: "attendances", purpose: "subject" };

/** Maps a thrown error to the envelope; never a 500 for anything a service refused. */
export function openErrorResponse(e: unknown, req: Request, resource?: OpenResource): Response {
  if (e instanceof AppError) {
    let code: number;
    if (e.code === 4040) code = (e.field && NOT_FOUND_BY_FIELD[e.field]) || (resource ? NOT_FOUND_BY_RESOURCE[resource] : 71001);
    else if (e instanceof ClosedError) code = 71017; // a closure covers the period (ours, like 71014–71016)
    else code = BY_CODE[e.code] ?? 71001;
    const english = ENGLISH[code] ?? "Request refused";
    const field = e.field && (OPEN_FIELD[e.field] ?? e.field);
    return openFail(code, `${english}: ${field ? `${field}: ` : ""}${e.message}`, field);
  }
  if (isDatabaseUnavailable(e)) {
    console.error(`[meeting] Open API ${req.method} ${new URL(req.url).pathname}: database unavailable (${describeUnavailable(e)})`);
    return NextResponse.json(
      { success: false, code: 5000, message: "Server busy, try again later", fieldErrors: {} },
      { status: 503, headers: unavailableHeaders() },
    );
  }
  console.error(`[meeting] Open API ${req.method} ${new URL(req.url).pathname} failed:`, e);
  return NextResponse.json({ success: false, code: 5000, message: "Server busy, try again later", fieldErrors: {} }, { status: 500 });
}

/**
 * zod issue → 71005 (missing), 71008 (wrong type), 71009–71013 (an id that cannot exist, whatever its form) or 71001
 * (anything else), naming the field.
 */
export function describeOpenIssue(error: z.ZodError, resource?: OpenResource): { code: number; field: string; message: string } {
  const issue = error.issues[0];
  const field =
    issue?.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("") || "body";
  const input = (issue as { input?: unknown } | undefined)?.input;
  if (issue?.code === "invalid_type" && input === undefined) return { code: 71005, field, message: `Lack ${field} arguments` };
  if (issue?.code === "invalid_type") return { code: 71008, field, message: `Argument type mismatch: ${field}` };
  if (issue?.message === NOT_FOUND_ISSUE) {
    const keys = issue.path.filter((p): p is string => typeof p === "string");
    // attendances[i].id is an attendance (71013), attendances[i].userId a user (71009).
    const key = keys.join(".") === "attendances.id" ? "attendanceId" : keys.at(-1);
    const code = (key && NOT_FOUND_BY_FIELD[key]) || (resource ? NOT_FOUND_BY_RESOURCE[resource] : 71001);
    return { code, field, message: `${ENGLISH[code] ?? "Not found"}: ${field}` };
  }
  const why = issue && /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : (issue?.message ?? "invalid");
  return { code: 71001, field, message: `Invalid arguments: ${field}: ${why}` };
}

export interface OpenContext<I> {
  req: Request;
  input: I;
  caller: OpenApiCaller;
}

class BodyError extends Error {}

/** No text value anywhere in an Open API request is longer than this (each schema may set a lower maximum). */
const MAX_TEXT_CHARS = 4000;

/** The first over-long text value (its path), searched to a bounded depth. */
function overlongField(v: unknown, path: string, depth = 0): string | null {
  if (typeof v === "string") return v.length > MAX_TEXT_CHARS ? path || "body" : null;
  if (!v || typeof v !== "object" || depth > 6 || v instanceof Blob) return null;
  for (const [k, item] of Object.entries(v)) {
    const found = overlongField(item, Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k, depth + 1);
    if (found) return found;
  }
  return null;
}

/** JSON object body (or form / multipart: values as strings, files as File); query values fill the gaps. */
async function readOpenBody(original: Request): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const url = new URL(original.url);
  for (const [k, v] of url.searchParams) if (k !== "access_token") out[k] = v;
  if (original.method === "GET" || original.method === "HEAD") return out;
  const type = (original.headers.get("content-type") ?? "").toLowerCase();
  try {
    const req = await readCappedBody(original);
    if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
      const form = await req.formData();
      for (const [k, v] of form) out[k] = v;
      return out;
    }
    const text = await req.text();
    if (!text.trim()) return out;
    const body = JSON.parse(text) as unknown;
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new BodyError("body must be a JSON object");
    return { ...out, ...(body as Record<string, unknown>) };
  } catch (e) {
    throw new BodyError(e instanceof Error ? e.message : "unreadable body");
  }
}

/**
 * Wraps an Open API endpoint: access token (71002/71003/71004), body parsing and validation (71005/71008/71001),
 * AppError mapping. The handler returns the `value` (undefined = void operation).
 */
export function openRoute<S extends z.ZodType>(
  opts: { schema: S; resource: OpenResource },
  handler: (ctx: OpenContext<z.infer<S>>) => Promise<unknown>,
) {
  return (req: Request): Promise<Response> => withRequestContext(req, "openapi", async () => {
    try {
      const check = await authenticateAccessToken(new URL(req.url).searchParams.get("access_token"));
      if (!check.ok) {
        const code = check.reason === "missing" ? 71002 : check.reason === "expired" ? 71004 : 71003;
        return openFail(code, ENGLISH[code], "access_token");
      }
      // The audit trail's actor: the app credential the token belongs to.
      setRequestActor({ kind: "openapi", id: check.caller.credentialId, name: check.caller.appkey });
      let raw: Record<string, unknown>;
      try {
        raw = await readOpenBody(req);
      } catch (e) {
        return openFail(71001, `Invalid arguments: body: ${(e as Error).message}`, "body");
      }
      const long = overlongField(raw, "");
      if (long) return openFail(71001, `Invalid arguments: ${long}: longer than ${MAX_TEXT_CHARS} characters`, long);
      const parsed = opts.schema.safeParse(raw, { reportInput: true });
      if (!parsed.success) {
        const { code, field, message } = describeOpenIssue(parsed.error, opts.resource);
        return openFail(code, message, field);
      }
      return openOk(await handler({ req, input: parsed.data, caller: check.caller }));
    } catch (e) {
      return openErrorResponse(e, req, opts.resource);
    }
  });
}

/** The one endpoint without an access token (`/oapi/gettoken`): same envelope and validation. */
export function openPublicRoute<S extends z.ZodType>(
  opts: { schema: S },
  handler: (ctx: { req: Request; input: z.infer<S> }) => Promise<unknown>,
) {
  return (req: Request): Promise<Response> => withRequestContext(req, "openapi", async () => {
    try {
      let raw: Record<string, unknown>;
      try {
        raw = await readOpenBody(req);
      } catch (e) {
        return openFail(71001, `Invalid arguments: body: ${(e as Error).message}`, "body");
      }
      const long = overlongField(raw, "");
      if (long) return openFail(71001, `Invalid arguments: ${long}: longer than ${MAX_TEXT_CHARS} characters`, long);
      const parsed = opts.schema.safeParse(raw, { reportInput: true });
      if (!parsed.success) {
        const { code, field, message } = describeOpenIssue(parsed.error);
        return openFail(code, message, field);
      }
      return openOk(await handler({ req, input: parsed.data }));
    } catch (e) {
      return openErrorResponse(e, req, "token");
    }
  });
}
