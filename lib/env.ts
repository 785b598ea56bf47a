import { z } from "zod";

// The only reader of process.env. Edge-safe (no Node imports) so middleware can use it too.
// Empty strings count as "unset" so that `FOO=` in a shell or .env file means the default.

const flag = z
  .enum(["0", "1", "true", "false", "on", "off", "yes", "no"])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

const url = (example: string) =>
  z.string().refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, `must be an absolute http(s) URL such as ${example}`);

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Asia/Shanghai");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
    .optional(),
  PGLITE_DIR: z.string().default("./.data/pglite"),
  APP_URL: url("http://localhost:3000")
    .default("http://localhost:3000")
    .transform((v) => v.replace(/\/+$/, "")),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)").optional(),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").max(128).optional(),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  WECOM_CORP_ID: z.string().default("ww-demo-corp"),
  WECOM_AGENT_ID: z.coerce.number().int("must be an integer").positive("must be positive").default(1000002),
  WECOM_SECRET: z.string().default("demo-secret"),
  WECOM_API_BASE: url("https://qyapi.weixin.qq.com").default("https://qyapi.weixin.qq.com"),
  WECOM_OAUTH_BASE: url("https://open.weixin.qq.com").default("https://open.weixin.qq.com"),
  WECOM_SSO_BASE: url("https://login.work.weixin.qq.com").default("https://login.work.weixin.qq.com"),
  APP_TIMEZONE: timezone.default("Asia/Shanghai"),
  /** The `company_id` the Open API reports with each access token. */
  OPEN_API_COMPANY_ID: z.string().max(32).default("1000"),
  DEMO_LOGIN: flag.default(false),
  DEMO_DATA: flag.default(false),
  /** Demo only (set by `npm run demo`): control URLs of the fake WeCom and fake campus platform, read by /demo/mailbox. */
  DEMO_WECOM_CONTROL: z.string().url().optional(),
  DEMO_CAMPUS_CONTROL: z.string().url().optional(),
  /** One JSON line per request and per maintenance step on stdout (`json`), or none (`off`). */
  LOG_FORMAT: z.enum(["json", "off"]).default("json"),
  /** Bounds of GET /api/health (503 beyond them). */
  HEALTH_MAX_DB_LATENCY_MS: z.coerce.number().int().min(1).default(1000),
  HEALTH_MAX_OUTBOX_AGE_SECONDS: z.coerce.number().int().min(1).default(900),
  HEALTH_MAX_MAINTENANCE_AGE_SECONDS: z.coerce.number().int().min(1).default(300),
  SCHEDULER: flag.default(true),
  VERCEL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * Reverse proxies in front of the app that append the client to X-Forwarded-For: 0 = none (the socket address
   * is the client; X-Forwarded-For is ignored), 1 = one proxy, …
   */
  TRUST_PROXY_HOPS: z.coerce.number().int("must be an integer").min(0, "must be 0 or more").max(10, "must be at most 10").default(0),
  /** 1 lets Open API event subscriptions call private, loopback and link-local addresses (on-campus subscribers, tests). */
  OPEN_API_ALLOW_PRIVATE_CALLBACKS: flag.default(false),
  /** Room searches (POST /rooms) per user, or per client address when anonymous, per minute. */
  RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int("must be an integer").min(1, "must be at least 1").default(30),
  /** Booking submissions (POST /appointment) per user per minute. */
  RATE_LIMIT_SUBMIT_PER_MINUTE: z.coerce.number().int("must be an integer").min(1, "must be at least 1").default(10),
  /** Days the audit trail is kept; older rows are deleted by the maintenance run. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int("must be an integer").min(1, "must be at least 1").max(36500).default(400),
  /** The campus platform's API center (integrations §4), e.g. http://10.0.0.5:8080; unset = the integration is off. */
  CAMPUS_API_BASE: url("http://10.0.0.5:8080").transform((v) => v.replace(/\/+$/, "")).optional(),
  /** Sent as `api-token`, `clientId`, `clientSecret` on every request to the API center. */
  CAMPUS_API_TOKEN: z.string().default(""),
  CAMPUS_CLIENT_ID: z.string().default(""),
  CAMPUS_CLIENT_SECRET: z.string().default(""),
  /** Comma-separated channel codes for notices (e.g. the WeCom channel MC00003); empty = in-platform notice only. */
  CAMPUS_NOTICE_CHANNELS: z.string().default(""),
  /** Comma-separated platform role keys that make a person a normal / super console admin. */
  CAMPUS_ADMIN_ROLE_KEYS: z.string().default(""),
  CAMPUS_SUPER_ROLE_KEYS: z.string().default(""),
  /** How a WeCom userid maps to the platform's userName (工号): the userid itself, or a WeCom field of the member. */
  CAMPUS_USERNAME_FROM: z.enum(["userid", "mobile", "email", "email_local"]).default("userid"),
  /** Seconds platform roles are trusted before they are read again (≤ 600). */
  CAMPUS_ROLE_CACHE_SECONDS: z.coerce.number().int("must be an integer").min(0).max(600, "must be at most 600").default(600),
  /** Per-call timeout of the API center client in milliseconds (tests shorten it). */
  CAMPUS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class ConfigError extends Error {}

/** Parses the environment on first use; throws a ConfigError naming every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = process.env[key];
    raw[key] = v === undefined || v.trim() === "" ? undefined : v.trim();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && !e.AUTH_SECRET) {
    throw new ConfigError("Invalid configuration:\n  AUTH_SECRET: is required in production (at least 32 characters)");
  }
  cached = e;
  return e;
}

/** Tests change process.env between cases; they call this to re-read it. */
export function resetEnvForTests() {
  cached = undefined;
}

/** A development-only fallback secret so `npm run dev` works without setup; production requires AUTH_SECRET. */
export function authSecret(): string {
  return env().AUTH_SECRET ?? "development-only-secret-change-me-0123456789";
}
