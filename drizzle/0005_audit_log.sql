CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" varchar(16) NOT NULL,
	"actor_id" varchar(64),
	"actor_name" varchar(128),
	"action" varchar(64) NOT NULL,
	"object_kind" varchar(32) NOT NULL,
	"object_id" varchar(64),
	"before" jsonb,
	"after" jsonb,
	"client_address" varchar(64),
	"user_agent" varchar(512),
	"channel" varchar(16) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_kind","actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("object_kind","object_id","at");