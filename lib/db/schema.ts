import "server-only";
import { sql } from "drizzle-orm";
import {
  bigint,
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
  date,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Departments (Open API `dept/*`): a tree; ids are strings as the Open API issues them (32 upper-case hex). */
export const departments = pgTable(
  "departments",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    name: varchar("name", { length: 64 }).notNull(),
    /** null = top level (the Open API's `""` / `"0"`). */
    parentId: varchar("parent_id", { length: 64 }),
    /** The campus platform's department id when the department is synced from there (null = our own). */
    campusId: bigint("campus_id", { mode: "number" }),
    /** The platform removed it while users or rooms still reference it: kept, marked removed. */
    removedAt: tstz("removed_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: "departments_parent_fk" }).onDelete("restrict"),
    uniqueIndex("departments_campus_id_uq").on(t.campusId),
    check("departments_name_ck", sql`length(${t.name}) > 0`),
    check("departments_not_own_parent_ck", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    index("departments_parent_idx").on(t.parentId),
  ],
);

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
    // Open API user fields (the Open API's `account` is `userid`).
    position: varchar("position", { length: 64 }).notNull().default(""),
    /** Open API `status`: 1 enabled, 0 disabled. */
    status: smallint("status").notNull().default(1),
    faceUrl: varchar("face_url", { length: 1024 }).notNull().default(""),
    departmentId: varchar("department_id", { length: 64 }).references(() => departments.id, { onDelete: "set null" }),
    memo: varchar("memo", { length: 500 }).notNull().default(""),
    isAdmin: boolean("is_admin").notNull().default(false),
    /** Removed through the Open API while bookings still reference the row; hidden from the Open API. */
    removedAt: tstz("removed_at"),
    /** WeCom department ids, refreshed at every sign-in. */
    departmentIds: integer("department_ids").array().notNull().default(sql`'{}'::integer[]`),
    /** Secret of the personal calendar feed (/meeting/ical/{token}.ics); null until first asked for; regenerable. */
    icalToken: varchar("ical_token", { length: 64 }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("users_status_ck", sql`${t.status} in (0, 1)`),
    index("users_department_idx").on(t.departmentId),
    // WeCom userids are case-insensitive.
    uniqueIndex("users_userid_lower_uq").on(sql`lower(${t.userid})`),
    uniqueIndex("users_ical_token_uq").on(t.icalToken),
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
    /** Where the console rights come from: `local` (added here) or `campus` (a platform role key, re-checked). */
    rightsSource: varchar("rights_source", { length: 16 }).notNull().default("local"),
    /** Campus admins: when the platform last confirmed the role (trusted CAMPUS_ROLE_CACHE_SECONDS). */
    campusCheckedAt: tstz("campus_checked_at"),
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
    /** Legacy `available`: open for booking (Open API `status` 1/0). */
    available: boolean("available").notNull().default(true),
    // Open API room fields. `size` above is the capacity in persons (Open API `capacity`); `area` is the Open API `size` (m²).
    address: varchar("address", { length: 255 }).notNull().default(""),
    memo: varchar("memo", { length: 500 }).notNull().default(""),
    /** Bookable hours of this room as minutes after midnight; null = the campus hours of settings. */
    openMinute: integer("open_minute"),
    closeMinute: integer("close_minute"),
    area: integer("area").notNull().default(0),
    longitude: doublePrecision("longitude").notNull().default(0),
    latitude: doublePrecision("latitude").notNull().default(0),
    /** Sign-in radius in metres. */
    radius: integer("radius").notNull().default(0),
    /** false: a booking that fits is approved at once. */
    needAudit: boolean("need_audit").notNull().default(true),
    /** 0 everyone may book; 1 only the users of room_allowed_users. */
    permission: smallint("permission").notNull().default(0),
    sceneImage: varchar("scene_image", { length: 1024 }).notNull().default(""),
    departmentId: varchar("department_id", { length: 64 }).references(() => departments.id, { onDelete: "set null" }),
    /** Building (楼宇) and floor, for search filters, the console grid and reports; "" = not given. */
    building: varchar("building", { length: 64 }).notNull().default(""),
    floor: varchar("floor", { length: 16 }).notNull().default(""),
    /** Equipment keys (投影仪, 白板, 视频会议, 电话, 电视, 音响 and the admin's own), see lib/domain/equipment.ts. */
    equipment: text("equipment").array().notNull().default(sql`'{}'::text[]`),
    description: varchar("description", { length: 1000 }).notNull().default(""),
    /** Check-in required (no-show release): a booking nobody checked in to by the deadline is released. */
    checkInRequired: boolean("check_in_required").notNull().default(false),
    /** Secret token of the room's check-in QR code (/meeting/checkin/{token}); regenerable. */
    checkInToken: varchar("check_in_token", { length: 64 }),
    /** Secret of the room's calendar feed for admins (/meeting/ical/room/{token}.ics); regenerable. */
    icalToken: varchar("ical_token", { length: 64 }),
    /** Removed through the Open API while bookings still reference it: closed and hidden from the Open API. */
    removedAt: tstz("removed_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check(
      "rooms_hours_ck",
      sql`(${t.openMinute} is null and ${t.closeMinute} is null) or (${t.openMinute} between 0 and 1439 and ${t.closeMinute} between 1 and 1440 and ${t.closeMinute} > ${t.openMinute})`,
    ),
    check("rooms_permission_ck", sql`${t.permission} in (0, 1)`),
    check("rooms_area_ck", sql`${t.area} >= 0`),
    check("rooms_radius_ck", sql`${t.radius} >= 0`),
    uniqueIndex("rooms_place_uq").on(t.place),
    uniqueIndex("rooms_check_in_token_uq").on(t.checkInToken),
    uniqueIndex("rooms_ical_token_uq").on(t.icalToken),
    index("rooms_building_idx").on(t.building),
    check("rooms_size_ck", sql`${t.size} > 0`),
    check("rooms_place_ck", sql`length(${t.place}) > 0`),
  ],
);

/** Who may book a room whose `permission` is 1. */
export const roomAllowedUsers = pgTable(
  "room_allowed_users",
  {
    roomId: integer("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] }), index("room_allowed_users_user_idx").on(t.userId)],
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
    /** Also the Open API meeting `subject`. */
    purpose: varchar("purpose", { length: 100 }).notNull().default(""),
    /** Open API `speaker` (host's display name); null = the booker's name. */
    speaker: varchar("speaker", { length: 64 }),
    /** Open API meeting `address`; null = the room's address. */
    address: varchar("address", { length: 255 }),
    /** Ended early through the Open API `meeting/finish` (ends_at was moved to this instant). */
    finishedAt: tstz("finished_at"),
    participants: integer("participants").notNull(),
    phone: varchar("phone", { length: 20 }).notNull(),
    note: varchar("note", { length: 500 }),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    status: smallint("status").notNull().default(STATUS.PENDING),
    checkInfo: varchar("check_info", { length: 300 }),
    /** Recurring bookings: the series this occurrence belongs to (null = a single booking). */
    seriesId: integer("series_id").references((): AnyPgColumn => appointmentSeries.id, { onDelete: "set null" }),
    /** Check-in: when the booker or an attendee checked in, and who (a users.id). */
    checkedInAt: tstz("checked_in_at"),
    checkedInBy: integer("checked_in_by").references(() => users.id, { onDelete: "set null" }),
    /** Set by the expiry run: the status and check_info the booking had before it became expired (reports need them). */
    expiredFrom: smallint("expired_from"),
    expiredCheckInfo: varchar("expired_check_info", { length: 300 }),
    /** Set when the maintenance run released the booking because nobody checked in (kept after expiry, for counts). */
    noShowAt: tstz("no_show_at"),
    /** iCalendar SEQUENCE: a trigger bumps it whenever time, room, purpose or status change. */
    icalSequence: integer("ical_sequence").notNull().default(0),
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
    index("appointments_series_idx").on(t.seriesId),
    // Room search: every approved booking that touches a period, over all rooms at once (an index that leads with
    // the time range; the exclusion constraint's index leads with the room and is walked almost whole when only the
    // range is bound). Written with the two-argument tstzrange (the same '[)' range) so that the planner matches
    // the search's condition to this index only, never to the constraint's.
    index("appointments_approved_period_gist")
      .using("gist", sql`tstzrange(${t.startsAt}, ${t.endsAt})`)
      .where(sql`${t.status} = 3`),
    // Pending requests of a room that overlap a period: the approval cascade (overlaps(roomId, …, PENDING)), the
    // instant decision of a submission, the pending counts of search results and the review queue's position.
    index("appointments_pending_room_period_gist")
      .using("gist", t.roomId, sql`tstzrange(${t.startsAt}, ${t.endsAt}, '[)')`)
      .where(sql`${t.status} = 2`),
    // The no-show release scans approved bookings by start time.
    index("appointments_status_start_idx").on(t.status, t.startsAt),
    // The EXCLUDE constraint (no two approved bookings of a room overlap) is in a custom migration.
  ],
);

/**
 * A recurring booking ("每周二 19:00–21:00 组会"): the rule as the booker gave it. Each occurrence is an ordinary row
 * of `appointments` with `series_id`, obeying every single-booking rule and the exclusion constraint on its own.
 */
export const appointmentSeries = pgTable(
  "appointment_series",
  {
    id: serial("id").primaryKey(),
    /** The booker (users.id). */
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    roomId: integer("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "restrict" }),
    /** daily | weekly | biweekly | weekdays (chosen weekdays every week) | dates (an explicit list). */
    rule: varchar("rule", { length: 16 }).notNull(),
    /** ISO weekdays 1 (Mon)..7 (Sun) for `weekdays`. */
    weekdays: smallint("weekdays").array().notNull().default(sql`'{}'::smallint[]`),
    /** The explicit dates (`yyyy-MM-dd`, campus zone) for `dates`. */
    dates: text("dates").array().notNull().default(sql`'{}'::text[]`),
    /** First date of the series (`yyyy-MM-dd`, campus zone). */
    firstDate: varchar("first_date", { length: 10 }).notNull(),
    /** Last date the series may reach (inclusive), or null when it ends after `count` occurrences. */
    untilDate: varchar("until_date", { length: 10 }),
    count: integer("count"),
    /** Wall-clock start (minutes after local midnight) and length of every occurrence. */
    startMinute: integer("start_minute").notNull(),
    duration: integer("duration").notNull(),
    purpose: varchar("purpose", { length: 100 }).notNull(),
    participants: integer("participants").notNull(),
    phone: varchar("phone", { length: 20 }).notNull(),
    note: varchar("note", { length: 500 }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("appointment_series_rule_ck", sql`${t.rule} in ('daily', 'weekly', 'biweekly', 'weekdays', 'dates')`),
    check("appointment_series_end_ck", sql`${t.untilDate} is not null or ${t.count} is not null or ${t.rule} = 'dates'`),
    check("appointment_series_start_ck", sql`${t.startMinute} between 0 and 1439`),
    check("appointment_series_duration_ck", sql`${t.duration} between 1 and 1440`),
    index("appointment_series_user_idx").on(t.userId),
  ],
);

/** People invited to a booking (Open API `attendances`), with their sign-in. */
export const attendees = pgTable(
  "attendees",
  {
    id: serial("id").primaryKey(),
    appointmentId: integer("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    /** null for an external attendee known only by name/phone. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    name: varchar("name", { length: 64 }).notNull().default(""),
    phone: varchar("phone", { length: 20 }).notNull().default(""),
    email: varchar("email", { length: 254 }).notNull().default(""),
    faceUrl: varchar("face_url", { length: 1024 }).notNull().default(""),
    isSigned: boolean("is_signed").notNull().default(false),
    /** 0 not signed, 1 face, 2 QR scan, 3 photo, 4 SMS. */
    signType: smallint("sign_type").notNull().default(0),
    signTime: tstz("sign_time"),
    signImgUrl: varchar("sign_img_url", { length: 1024 }).notNull().default(""),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    check("attendees_sign_type_ck", sql`${t.signType} between 0 and 4`),
    uniqueIndex("attendees_appointment_user_uq").on(t.appointmentId, t.userId),
    index("attendees_user_idx").on(t.userId),
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
    /** Booker notices when the campus platform is on: `wecom` app messages, `campus` notices, or `both`. */
    noticeChannels: varchar("notice_channels", { length: 8 }).notNull().default("both"),
    /** Check-in window of rooms that require check-in: opens this many minutes before the start … */
    checkInBeforeMinutes: integer("check_in_before_minutes").notNull().default(10),
    /** … and closes this many minutes after it (the no-show deadline). */
    checkInAfterMinutes: integer("check_in_after_minutes").notNull().default(15),
    /** Equipment names the admin added to BASE_EQUIPMENT (lib/domain/equipment.ts). */
    extraEquipment: text("extra_equipment").array().notNull().default(sql`'{}'::text[]`),
    /** Recurring bookings: how far a series may reach (weeks after its first date) and how many occurrences it may have. */
    seriesMaxWeeks: integer("series_max_weeks").notNull().default(16),
    seriesMaxOccurrences: integer("series_max_occurrences").notNull().default(100),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("settings_singleton_ck", sql`${t.id} = 1`),
    check("settings_open_ck", sql`${t.openMinute} between 0 and 1439`),
    check("settings_close_ck", sql`${t.closeMinute} between 1 and 1440 and ${t.closeMinute} > ${t.openMinute}`),
    check("settings_review_interval_ck", sql`${t.autoReviewInterval} >= 1`),
    check("settings_clean_interval_ck", sql`${t.autoCleanInterval} >= 1`),
    check("settings_notice_channels_ck", sql`${t.noticeChannels} in ('wecom', 'campus', 'both')`),
    check("settings_check_in_before_ck", sql`${t.checkInBeforeMinutes} between 0 and 240`),
    check("settings_check_in_after_ck", sql`${t.checkInAfterMinutes} between 1 and 240`),
    check("settings_series_weeks_ck", sql`${t.seriesMaxWeeks} between 1 and 104`),
    check("settings_series_occurrences_ck", sql`${t.seriesMaxOccurrences} between 1 and 500`),
  ],
);

/** Shared cache for values every server instance must agree on (WeCom access token, jsapi ticket, …). */
export const cacheEntries = pgTable("cache_entries", {
  key: varchar("key", { length: 200 }).primaryKey(),
  value: text("value").notNull(),
  expiresAt: tstz("expires_at").notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/**
 * Change counters of data that server processes cache (`rooms`: the open rooms in their legacy order), bumped by
 * statement triggers on those tables (migration 0014), so every writer — services, Open API, sheet import, plain SQL,
 * another server process — invalidates every process's copy. Readers fold the counter into a statement they run
 * anyway. The counter moves to at least the current microsecond on every bump, so a re-created database never
 * repeats a value a process has cached.
 */
export const cacheVersions = pgTable("cache_versions", {
  name: varchar("name", { length: 32 }).primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
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

/** Open API app credentials (`/manage/settings/openApi`). The secret is shown once and stored as a SHA-256 hash. */
export const openApiCredentials = pgTable(
  "open_api_credentials",
  {
    id: serial("id").primaryKey(),
    appkey: varchar("appkey", { length: 32 }).notNull(),
    /** hex SHA-256 of the appsecret (a 40-hex random value: a slow hash adds nothing). */
    secretHash: varchar("secret_hash", { length: 64 }).notNull(),
    companyId: varchar("company_id", { length: 32 }).notNull(),
    name: varchar("name", { length: 64 }).notNull().default(""),
    createdByAdminId: integer("created_by_admin_id").references(() => admins.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [uniqueIndex("open_api_credentials_appkey_uq").on(t.appkey)],
);

/** Issued access tokens, stored hashed; kept a while after expiry so an expired token answers 71004, not 71003. */
export const openApiTokens = pgTable(
  "open_api_tokens",
  {
    tokenHash: varchar("token_hash", { length: 64 }).primaryKey(),
    credentialId: integer("credential_id")
      .notNull()
      .references(() => openApiCredentials.id, { onDelete: "cascade" }),
    expiresAt: tstz("expires_at").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("open_api_tokens_expires_idx").on(t.expiresAt)],
);

/** Event subscription of one app: pushes are encrypted with aes_key, signed with token, owner key = the appkey. */
export const openApiSubscriptions = pgTable("open_api_subscriptions", {
  credentialId: integer("credential_id")
    .primaryKey()
    .references(() => openApiCredentials.id, { onDelete: "cascade" }),
  callbackUrl: varchar("callback_url", { length: 1024 }).notNull(),
  aesKey: varchar("aes_key", { length: 43 }).notNull(),
  token: varchar("token", { length: 64 }).notNull(),
  /** When the check_url handshake last succeeded (a subscription is only saved after one). */
  verifiedAt: tstz("verified_at").notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/**
 * The audit trail: one row per state change, written by the services in the changing transaction through
 * `recordAudit` (lib/services/audit/record-audit.ts), never by routes. Kept `AUDIT_RETENTION_DAYS` by the maintenance run.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: tstz("at").notNull().defaultNow(),
    /** user (WeCom member) | admin | openapi (an app credential) | system (maintenance) | anonymous */
    actorKind: varchar("actor_kind", { length: 16 }).notNull(),
    actorId: varchar("actor_id", { length: 64 }),
    actorName: varchar("actor_name", { length: 128 }),
    /** Dotted verb, e.g. `booking.submitted`, `room.closed`, `admin.password_changed`, `auth.admin_sign_in_failed`. */
    action: varchar("action", { length: 64 }).notNull(),
    /** booking | room | admin | user | settings | credential | subscription | department | … */
    objectKind: varchar("object_kind", { length: 32 }).notNull(),
    objectId: varchar("object_id", { length: 64 }),
    before: jsonb("before"),
    after: jsonb("after"),
    clientAddress: varchar("client_address", { length: 64 }),
    userAgent: varchar("user_agent", { length: 512 }),
    /** page | legacy | openapi | console | maintenance */
    channel: varchar("channel", { length: 16 }).notNull(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorKind, t.actorId, t.at),
    index("audit_log_object_idx").on(t.objectKind, t.objectId, t.at),
  ],
);

/**
 * Closures (维修, 考试周, 假期): a room, a building or every room is not bookable during [starts_at, ends_at), like
 * closed hours. `repeat_weekly`: the same stretch again every 7 days until `repeat_until` (null = no end).
 */
export const closures = pgTable(
  "closures",
  {
    id: serial("id").primaryKey(),
    /** room | building | all */
    scope: varchar("scope", { length: 8 }).notNull(),
    roomId: integer("room_id").references(() => rooms.id, { onDelete: "cascade" }),
    building: varchar("building", { length: 64 }),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    reason: varchar("reason", { length: 100 }).notNull(),
    repeatWeekly: boolean("repeat_weekly").notNull().default(false),
    repeatUntil: tstz("repeat_until"),
    createdByAdminId: integer("created_by_admin_id").references(() => admins.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    check("closures_scope_ck", sql`(${t.scope} = 'room' and ${t.roomId} is not null) or (${t.scope} = 'building' and ${t.building} is not null) or ${t.scope} = 'all'`),
    check("closures_period_ck", sql`${t.endsAt} > ${t.startsAt}`),
    check("closures_weekly_ck", sql`not ${t.repeatWeekly} or ${t.endsAt} - ${t.startsAt} <= interval '7 days'`),
    check("closures_reason_ck", sql`length(${t.reason}) > 0`),
    index("closures_room_idx").on(t.roomId),
    index("closures_period_idx").on(t.startsAt, t.endsAt),
  ],
);

/** Academic terms: week 1 starts on the Monday of the week holding `first_day`. */
export const academicTerms = pgTable(
  "academic_terms",
  {
    id: serial("id").primaryKey(),
    name: varchar("name", { length: 64 }).notNull(),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    weeks: smallint("weeks").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("academic_terms_name_uq").on(t.name),
    check("academic_terms_weeks_ck", sql`${t.weeks} between 1 and 40`),
    check("academic_terms_name_ck", sql`length(${t.name}) > 0`),
  ],
);

/** Holidays of the academic calendar (shown beside dates; closing rooms on them is a closure). */
export const holidays = pgTable(
  "holidays",
  {
    id: serial("id").primaryKey(),
    name: varchar("name", { length: 64 }).notNull(),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [check("holidays_days_ck", sql`${t.lastDay} >= ${t.firstDay}`), check("holidays_name_ck", sql`length(${t.name}) > 0`)],
);

/** The class periods of a day (第1–2节 08:00–09:35 …), offered as times in the booking form. */
export const classPeriods = pgTable(
  "class_periods",
  {
    id: serial("id").primaryKey(),
    name: varchar("name", { length: 32 }).notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
  },
  (t) => [
    check("class_periods_minutes_ck", sql`${t.startMinute} between 0 and 1439 and ${t.endMinute} between 1 and 1440 and ${t.endMinute} > ${t.startMinute}`),
    check("class_periods_name_ck", sql`length(${t.name}) > 0`),
  ],
);

/** A person's campus-platform profile, read at WeCom sign-in (user/userinfo + user/deptRoles). */
export const campusProfiles = pgTable("campus_profiles", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** The platform's userName (工号). */
  userName: varchar("user_name", { length: 64 }).notNull(),
  platformUserId: bigint("platform_user_id", { mode: "number" }),
  nick: varchar("nick", { length: 64 }).notNull().default(""),
  /** 0 unset, 1 male, 2 female. */
  sex: smallint("sex").notNull().default(0),
  phone: varchar("phone", { length: 20 }).notNull().default(""),
  roleKeys: text("role_keys").array().notNull().default(sql`'{}'::text[]`),
  /** [{id, name}] of the departments the platform lists with the person's roles. */
  depts: jsonb("depts").notNull().default(sql`'[]'::jsonb`),
  fetchedAt: tstz("fetched_at").notNull(),
});

/** The platform calendar (日程) entry of an approved booking: one per booking, ever. */
export const campusCalendarEntries = pgTable("campus_calendar_entries", {
  appointmentId: integer("appointment_id")
    .primaryKey()
    .references(() => appointments.id, { onDelete: "cascade" }),
  userName: varchar("user_name", { length: 64 }).notNull(),
  /** The platform's id of the entry (found through rcInfo/list: the add call answers none). */
  entryId: bigint("entry_id", { mode: "number" }),
  /** What was last written (to skip identical updates). */
  content: text("content").notNull().default(""),
  startDate: varchar("start_date", { length: 10 }).notNull().default(""),
  deletedAt: tstz("deleted_at"),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** Reminders sent before a booking starts: one per booking and start time (a moved booking is reminded again). */
export const bookingReminders = pgTable(
  "booking_reminders",
  {
    appointmentId: integer("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    startsAt: tstz("starts_at").notNull(),
    sentAt: tstz("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appointmentId, t.startsAt] })],
);

/** Last success and failure per integration family (people, departments, notices, calendar, operlog, files, roles). */
export const campusStatus = pgTable("campus_status", {
  family: varchar("family", { length: 32 }).primaryKey(),
  lastSuccessAt: tstz("last_success_at"),
  lastFailureAt: tstz("last_failure_at"),
  lastError: text("last_error"),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** Files kept in the platform's file center (exported room sheets, …), downloaded through our own route. */
export const campusFiles = pgTable(
  "campus_files",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    /** room-sheet | room-photo | … */
    kind: varchar("kind", { length: 32 }).notNull(),
    name: varchar("name", { length: 255 }).notNull(),
    contentType: varchar("content_type", { length: 128 }).notNull(),
    size: integer("size").notNull(),
    createdBy: varchar("created_by", { length: 64 }),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("campus_files_kind_idx").on(t.kind, t.createdAt)],
);

/**
 * The file store's database implementation (lib/services/files): immutable blobs by opaque id. Another backend (the
 * campus file center) may hold the bytes instead; rows that point at files never reference this table directly.
 */
export const storedFiles = pgTable("stored_files", {
  id: varchar("id", { length: 64 }).primaryKey(),
  contentType: varchar("content_type", { length: 64 }).notNull(),
  byteSize: integer("byte_size").notNull(),
  data: bytea("data").notNull(),
  createdAt: tstz("created_at").notNull().defaultNow(),
});

/** Up to 6 photos per room, in display order; the bytes live in the file store under `file_id`. */
export const roomPhotos = pgTable(
  "room_photos",
  {
    id: serial("id").primaryKey(),
    roomId: integer("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    fileId: varchar("file_id", { length: 128 }).notNull(),
    position: integer("position").notNull().default(0),
    width: integer("width").notNull().default(0),
    height: integer("height").notNull().default(0),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("room_photos_room_idx").on(t.roomId, t.position), uniqueIndex("room_photos_file_uq").on(t.fileId)],
);
