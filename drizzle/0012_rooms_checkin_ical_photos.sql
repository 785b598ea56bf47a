CREATE TABLE "room_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"room_id" integer NOT NULL,
	"file_id" varchar(128) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"width" integer DEFAULT 0 NOT NULL,
	"height" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"content_type" varchar(64) NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "no_show_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "expired_from" smallint;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "ical_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "ical_token" varchar(64);--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "check_in_before_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "check_in_after_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "extra_equipment" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "ical_token" varchar(64);--> statement-breakpoint
ALTER TABLE "room_photos" ADD CONSTRAINT "room_photos_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_photos_room_idx" ON "room_photos" USING btree ("room_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "room_photos_file_uq" ON "room_photos" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "appointments_status_start_idx" ON "appointments" USING btree ("status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_ical_token_uq" ON "rooms" USING btree ("ical_token");--> statement-breakpoint
CREATE UNIQUE INDEX "users_ical_token_uq" ON "users" USING btree ("ical_token");--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_check_in_before_ck" CHECK ("settings"."check_in_before_minutes" between 0 and 240);--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_check_in_after_ck" CHECK ("settings"."check_in_after_minutes" between 1 and 240);--> statement-breakpoint
-- Calendar feeds: every change a calendar shows (time, room, subject, status) bumps the booking's SEQUENCE, whichever
-- service made it; an expiring booking keeps the status it had (3 = it took place) in expired_from.
CREATE FUNCTION appointments_ical_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
     OR NEW.room_id IS DISTINCT FROM OLD.room_id OR NEW.purpose IS DISTINCT FROM OLD.purpose
     OR NEW.status IS DISTINCT FROM OLD.status THEN
    NEW.ical_sequence := OLD.ical_sequence + 1;
  END IF;
  IF NEW.status = 0 AND OLD.status <> 0 THEN
    NEW.expired_from := OLD.status;
  ELSIF NEW.status <> 0 THEN
    NEW.expired_from := NULL;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_ical_sequence_trg BEFORE UPDATE ON appointments
  FOR EACH ROW EXECUTE FUNCTION appointments_ical_sequence();
