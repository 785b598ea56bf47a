CREATE TABLE "admins" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" varchar(64) NOT NULL,
	"password_hash" text,
	"privileged" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admins_username_ck" CHECK (length("admins"."username") between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" serial PRIMARY KEY NOT NULL,
	"room_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"purpose" varchar(100) DEFAULT '' NOT NULL,
	"participants" integer NOT NULL,
	"phone" varchar(20) NOT NULL,
	"note" varchar(500),
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" smallint DEFAULT 2 NOT NULL,
	"check_info" varchar(300),
	"reviewed_by_admin_id" integer,
	"reviewed_by" varchar(64),
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_status_ck" CHECK ("appointments"."status" between 0 and 4),
	CONSTRAINT "appointments_period_ck" CHECK ("appointments"."ends_at" > "appointments"."starts_at"),
	CONSTRAINT "appointments_participants_ck" CHECK ("appointments"."participants" > 0)
);
--> statement-breakpoint
CREATE TABLE "avatars" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" integer,
	"content_type" varchar(64) NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cache_entries" (
	"key" varchar(200) PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" varchar(64) NOT NULL,
	"ordering_key" varchar(200),
	"payload" jsonb NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_status_ck" CHECK ("outbox"."status" in ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" varchar(200) PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"last_hit_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_uploads" (
	"admin_id" integer PRIMARY KEY NOT NULL,
	"filename" varchar(255) NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"place" varchar(64) NOT NULL,
	"size" integer NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_size_ck" CHECK ("rooms"."size" > 0),
	CONSTRAINT "rooms_place_ck" CHECK (length("rooms"."place") > 0)
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"open_minute" integer DEFAULT 480 NOT NULL,
	"close_minute" integer DEFAULT 1320 NOT NULL,
	"auto_review" boolean DEFAULT true NOT NULL,
	"auto_review_interval" integer DEFAULT 2 NOT NULL,
	"auto_clean" boolean DEFAULT true NOT NULL,
	"auto_clean_interval" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_singleton_ck" CHECK ("settings"."id" = 1),
	CONSTRAINT "settings_open_ck" CHECK ("settings"."open_minute" between 0 and 1439),
	CONSTRAINT "settings_close_ck" CHECK ("settings"."close_minute" between 1 and 1440 and "settings"."close_minute" > "settings"."open_minute"),
	CONSTRAINT "settings_review_interval_ck" CHECK ("settings"."auto_review_interval" >= 1),
	CONSTRAINT "settings_clean_interval_ck" CHECK ("settings"."auto_clean_interval" >= 1)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"userid" varchar(64) NOT NULL,
	"name" varchar(64) DEFAULT '' NOT NULL,
	"role" smallint DEFAULT 2 NOT NULL,
	"avatar" varchar(1024) DEFAULT '' NOT NULL,
	"gender" smallint DEFAULT 0 NOT NULL,
	"age" smallint DEFAULT 0 NOT NULL,
	"phone" varchar(20),
	"email" varchar(254),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_ck" CHECK ("users"."role" in (1, 2)),
	CONSTRAINT "users_gender_ck" CHECK ("users"."gender" in (0, 1, 2)),
	CONSTRAINT "users_age_ck" CHECK ("users"."age" between 0 and 150)
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_reviewed_by_admin_id_admins_id_fk" FOREIGN KEY ("reviewed_by_admin_id") REFERENCES "public"."admins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avatars" ADD CONSTRAINT "avatars_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_uploads" ADD CONSTRAINT "room_uploads_admin_id_admins_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."admins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admins_username_lower_uq" ON "admins" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "appointments_room_start_idx" ON "appointments" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_user_status_idx" ON "appointments" USING btree ("user_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "appointments_status_submitted_idx" ON "appointments" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_ordering_idx" ON "outbox" USING btree ("ordering_key","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_place_uq" ON "rooms" USING btree ("place");--> statement-breakpoint
CREATE UNIQUE INDEX "users_userid_lower_uq" ON "users" USING btree (lower("userid"));