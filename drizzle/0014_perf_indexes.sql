CREATE TABLE "cache_versions" (
	"name" varchar(32) PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "appointments_approved_period_gist" ON "appointments" USING gist (tstzrange("starts_at", "ends_at")) WHERE "appointments"."status" = 3;--> statement-breakpoint
CREATE INDEX "appointments_pending_room_period_gist" ON "appointments" USING gist ("room_id",tstzrange("starts_at", "ends_at", '[)')) WHERE "appointments"."status" = 2;--> statement-breakpoint
-- Cached data (the open rooms): every statement that changes `rooms` bumps its counter, whoever runs it. The counter
-- jumps to at least the current microsecond, so a database re-created under a running process never repeats a value.
INSERT INTO "cache_versions" ("name", "version") VALUES ('rooms', (extract(epoch from clock_timestamp()) * 1000000)::bigint) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_cache_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache_versions SET version = greatest(version + 1, (extract(epoch from clock_timestamp()) * 1000000)::bigint)
    WHERE name = TG_ARGV[0];
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER rooms_cache_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rooms
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('rooms');
