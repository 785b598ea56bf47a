CREATE TABLE "appointment_series" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"room_id" integer NOT NULL,
	"rule" varchar(16) NOT NULL,
	"weekdays" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"dates" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_date" varchar(10) NOT NULL,
	"until_date" varchar(10),
	"count" integer,
	"start_minute" integer NOT NULL,
	"duration" integer NOT NULL,
	"purpose" varchar(100) NOT NULL,
	"participants" integer NOT NULL,
	"phone" varchar(20) NOT NULL,
	"note" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_series_rule_ck" CHECK ("appointment_series"."rule" in ('daily', 'weekly', 'biweekly', 'weekdays', 'dates')),
	CONSTRAINT "appointment_series_end_ck" CHECK ("appointment_series"."until_date" is not null or "appointment_series"."count" is not null or "appointment_series"."rule" = 'dates'),
	CONSTRAINT "appointment_series_start_ck" CHECK ("appointment_series"."start_minute" between 0 and 1439),
	CONSTRAINT "appointment_series_duration_ck" CHECK ("appointment_series"."duration" between 1 and 1440)
);
--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "series_max_weeks" integer DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "series_max_occurrences" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_series_user_idx" ON "appointment_series" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_id_appointment_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."appointment_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_series_weeks_ck" CHECK ("settings"."series_max_weeks" between 1 and 104);--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_series_occurrences_ck" CHECK ("settings"."series_max_occurrences" between 1 and 500);