CREATE TABLE "booking_reminders" (
	"appointment_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_reminders_appointment_id_starts_at_pk" PRIMARY KEY("appointment_id","starts_at")
);
--> statement-breakpoint
CREATE TABLE "campus_calendar_entries" (
	"appointment_id" integer PRIMARY KEY NOT NULL,
	"user_name" varchar(64) NOT NULL,
	"entry_id" bigint,
	"content" text DEFAULT '' NOT NULL,
	"start_date" varchar(10) DEFAULT '' NOT NULL,
	"deleted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campus_files" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"kind" varchar(32) NOT NULL,
	"name" varchar(255) NOT NULL,
	"content_type" varchar(128) NOT NULL,
	"size" integer NOT NULL,
	"created_by" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campus_profiles" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"user_name" varchar(64) NOT NULL,
	"platform_user_id" bigint,
	"nick" varchar(64) DEFAULT '' NOT NULL,
	"sex" smallint DEFAULT 0 NOT NULL,
	"phone" varchar(20) DEFAULT '' NOT NULL,
	"role_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"depts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campus_status" (
	"family" varchar(32) PRIMARY KEY NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admins" ADD COLUMN "rights_source" varchar(16) DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE "admins" ADD COLUMN "campus_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "campus_id" bigint;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "notice_channels" varchar(8) DEFAULT 'both' NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_reminders" ADD CONSTRAINT "booking_reminders_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campus_calendar_entries" ADD CONSTRAINT "campus_calendar_entries_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campus_profiles" ADD CONSTRAINT "campus_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campus_files_kind_idx" ON "campus_files" USING btree ("kind","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_campus_id_uq" ON "departments" USING btree ("campus_id");--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_notice_channels_ck" CHECK ("settings"."notice_channels" in ('wecom', 'campus', 'both'));