CREATE TABLE "academic_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(64) NOT NULL,
	"first_day" date NOT NULL,
	"weeks" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academic_terms_weeks_ck" CHECK ("academic_terms"."weeks" between 1 and 40),
	CONSTRAINT "academic_terms_name_ck" CHECK (length("academic_terms"."name") > 0)
);
--> statement-breakpoint
CREATE TABLE "class_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(32) NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	CONSTRAINT "class_periods_minutes_ck" CHECK ("class_periods"."start_minute" between 0 and 1439 and "class_periods"."end_minute" between 1 and 1440 and "class_periods"."end_minute" > "class_periods"."start_minute"),
	CONSTRAINT "class_periods_name_ck" CHECK (length("class_periods"."name") > 0)
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" varchar(8) NOT NULL,
	"room_id" integer,
	"building" varchar(64),
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" varchar(100) NOT NULL,
	"repeat_weekly" boolean DEFAULT false NOT NULL,
	"repeat_until" timestamp with time zone,
	"created_by_admin_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_scope_ck" CHECK (("closures"."scope" = 'room' and "closures"."room_id" is not null) or ("closures"."scope" = 'building' and "closures"."building" is not null) or "closures"."scope" = 'all'),
	CONSTRAINT "closures_period_ck" CHECK ("closures"."ends_at" > "closures"."starts_at"),
	CONSTRAINT "closures_weekly_ck" CHECK (not "closures"."repeat_weekly" or "closures"."ends_at" - "closures"."starts_at" <= interval '7 days'),
	CONSTRAINT "closures_reason_ck" CHECK (length("closures"."reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(64) NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holidays_days_ck" CHECK ("holidays"."last_day" >= "holidays"."first_day"),
	CONSTRAINT "holidays_name_ck" CHECK (length("holidays"."name") > 0)
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN IF NOT EXISTS "expired_from" smallint;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "expired_check_info" varchar(300);--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_created_by_admin_id_admins_id_fk" FOREIGN KEY ("created_by_admin_id") REFERENCES "public"."admins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academic_terms_name_uq" ON "academic_terms" USING btree ("name");--> statement-breakpoint
CREATE INDEX "closures_room_idx" ON "closures" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "closures_period_idx" ON "closures" USING btree ("starts_at","ends_at");--> statement-breakpoint
INSERT INTO "class_periods" ("name", "start_minute", "end_minute") VALUES
  ('第1–2节', 480, 575), ('第3–4节', 595, 690), ('第5–6节', 840, 935), ('第7–8节', 955, 1050), ('第9–10节', 1110, 1205);
