CREATE TABLE "job_state" (
	"name" varchar(64) PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_report" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
