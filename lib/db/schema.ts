import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** WeCom members who have signed in (the legacy `user` and `profile` tables merged; id = legacy profile id). */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    userid: varchar("userid", { length: 64 }).notNull(),
    name: varchar("name", { length: 64 }).notNull().default(""),
    /** 1 = student (10-character userid), 2 = teacher / staff. */
    role: smallint("role").notNull().default(2),
    avatar: varchar("avatar", { length: 1024 }).notNull().default(""),
    /** 0 unset, 1 male, 2 female. */
    gender: smallint("gender").notNull().default(0),
    /** 0 = unset. */
    age: smallint("age").notNull().default(0),
    phone: varchar("phone", { length: 20 }),
    email: varchar("email", { length: 254 }),
    /** WeCom department ids, refreshed at every sign-in. */
    departmentIds: integer("department_ids").array().notNull().default(sql`'{}'::integer[]`),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // WeCom userids are case-insensitive.
    uniqueIndex("users_userid_lower_uq").on(sql`lower(${t.userid})`),
    check("users_role_ck", sql`${t.role} in (1, 2)`),
    check("users_gender_ck", sql`${t.gender} in (0, 1, 2)`),
    check("users_age_ck", sql`${t.age} between 0 and 150`),
  ],
);

export const admins = pgTable(
  "admins",
  {
    id: serial("id").primaryKey(),
    username: varchar("username", { length: 64 }).notNull(),
    /** argon2id hash; null = no usable password (batch-added admins sign in by WeCom QR until one is set). */
    passwordHash: text("password_hash"),
    privileged: boolean("privileged").notNull().default(false),
    /** Bumped when the password changes: sessions carrying an older version are void. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("admins_username_lower_uq").on(sql`lower(${t.username})`),
    check("admins_username_ck", sql`length(${t.username}) between 1 and 64`),
  ],
);

export const rooms = pgTable(
  "rooms",
  {
    id: serial("id").primaryKey(),
    place: varchar("place", { length: 64 }).notNull(),
    size: integer("size").notNull(),
    /** Legacy `available`: open for booking. */
    available: boolean("available").notNull().default(true),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rooms_place_uq").on(t.place),
    check("rooms_size_ck", sql`${t.size} > 0`),
    check("rooms_place_ck", sql`length(${t.place}) > 0`),
  ],
);

/** Status codes of the legacy API. Only APPROVED occupies a room. */
export const STATUS = { EXPIRED: 0, CANCELLED: 1, PENDING: 2, APPROVED: 3, REJECTED: 4 } as const;
export type StatusCode = (typeof STATUS)[keyof typeof STATUS];

export const appointments = pgTable(
  "appointments",
  {
    id: serial("id").primaryKey(),
    roomId: integer("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "restrict" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    purpose: varchar("purpose", { length: 100 }).notNull().default(""),
    participants: integer("participants").notNull(),
    phone: varchar("phone", { length: 20 }).notNull(),
    note: varchar("note", { length: 500 }),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    status: smallint("status").notNull().default(STATUS.PENDING),
    checkInfo: varchar("check_info", { length: 300 }),
    /** The admin who reviewed (null for auto-review, or when that admin was deleted). */
    reviewedByAdminId: integer("reviewed_by_admin_id").references(() => admins.id, { onDelete: "set null" }),
    /** The checker's name as shown to users: an admin username or `自动审核`. */
    reviewedBy: varchar("reviewed_by", { length: 64 }),
    reviewedAt: tstz("reviewed_at"),
    /** Legacy hand_time. */
    submittedAt: tstz("submitted_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("appointments_status_ck", sql`${t.status} between 0 and 4`),
    check("appointments_period_ck", sql`${t.endsAt} > ${t.startsAt}`),
    check("appointments_participants_ck", sql`${t.participants} > 0`),
    index("appointments_room_start_idx").on(t.roomId, t.startsAt),
    index("appointments_user_status_idx").on(t.userId, t.status, t.submittedAt),
    index("appointments_status_submitted_idx").on(t.status, t.submittedAt),
    // The EXCLUDE constraint (no two approved bookings of a room overlap) is in a custom migration.
  ],
);

/** One row (id = 1): the campus-wide settings of /server/properties. */
export const settings = pgTable(
  "settings",
  {
    id: integer("id").primaryKey().default(1),
    /** Open and close time as minutes after midnight; close may be 1440 (24:00). */
    openMinute: integer("open_minute").notNull().default(8 * 60),
    closeMinute: integer("close_minute").notNull().default(22 * 60),
    autoReview: boolean("auto_review").notNull().default(true),
    /** Minutes between auto-review runs. */
    autoReviewInterval: integer("auto_review_interval").notNull().default(2),
    autoClean: boolean("auto_clean").notNull().default(true),
    /** Days: expired records older than this are deleted. */
    autoCleanInterval: integer("auto_clean_interval").notNull().default(7),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("settings_singleton_ck", sql`${t.id} = 1`),
    check("settings_open_ck", sql`${t.openMinute} between 0 and 1439`),
    check("settings_close_ck", sql`${t.closeMinute} between 1 and 1440 and ${t.closeMinute} > ${t.openMinute}`),
    check("settings_review_interval_ck", sql`${t.autoReviewInterval} >= 1`),
    check("settings_clean_interval_ck", sql`${t.autoCleanInterval} >= 1`),
  ],
);

/** Shared cache for values every server instance must agree on (WeCom access token, jsapi ticket, …). */
export const cacheEntries = pgTable("cache_entries", {
  key: varchar("key", { length: 200 }).primaryKey(),
  value: text("value").notNull(),
  expiresAt: tstz("expires_at").notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** Fixed-window counters for throttling (admin sign-in, search, submission), shared across instances. */
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 200 }).primaryKey(),
  windowStartedAt: tstz("window_started_at").notNull(),
  hits: integer("hits").notNull().default(0),
  lastHitAt: tstz("last_hit_at").notNull(),
});

/**
 * Durable messages written in the same transaction as the change that caused them and delivered after commit
 * (WeCom app messages, Open API event pushes, campus-platform calls).
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** What kind of delivery: `wecom.message`, `openapi.event`, … */
    topic: varchar("topic", { length: 64 }).notNull(),
    /** Messages sharing a key are delivered in id order (e.g. every event of one meeting). */
    orderingKey: varchar("ordering_key", { length: 200 }),
    payload: jsonb("payload").notNull(),
    /** pending → delivered | failed (gave up). */
    status: varchar("status", { length: 16 }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tstz("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    deliveredAt: tstz("delivered_at"),
  },
  (t) => [
    check("outbox_status_ck", sql`${t.status} in ('pending', 'delivered', 'failed')`),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_ordering_idx").on(t.orderingKey, t.id),
  ],
);

/** Uploaded avatars, re-encoded; served under /meeting/avatar/{id}. */
export const avatars = pgTable("avatars", {
  id: varchar("id", { length: 64 }).primaryKey(),
  userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
  contentType: varchar("content_type", { length: 64 }).notNull(),
  data: bytea("data").notNull(),
  createdAt: tstz("created_at").notNull().defaultNow(),
});

/** The room spreadsheet an admin uploaded and has not applied yet (one per admin). */
export const roomUploads = pgTable("room_uploads", {
  adminId: integer("admin_id")
    .primaryKey()
    .references(() => admins.id, { onDelete: "cascade" }),
  filename: varchar("filename", { length: 255 }).notNull(),
  data: bytea("data").notNull(),
  uploadedAt: tstz("uploaded_at").notNull().defaultNow(),
});

/** Background jobs' bookkeeping: when each step last ran (auto-review and auto-clean run on their own intervals). */
export const jobState = pgTable("job_state", {
  name: varchar("name", { length: 64 }).primaryKey(),
  lastRunAt: tstz("last_run_at"),
  lastReport: jsonb("last_report"),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});
