CREATE TABLE "attendees" (
	"id" serial PRIMARY KEY NOT NULL,
	"appointment_id" integer NOT NULL,
	"user_id" integer,
	"name" varchar(64) DEFAULT '' NOT NULL,
	"phone" varchar(20) DEFAULT '' NOT NULL,
	"email" varchar(254) DEFAULT '' NOT NULL,
	"face_url" varchar(1024) DEFAULT '' NOT NULL,
	"is_signed" boolean DEFAULT false NOT NULL,
	"sign_type" smallint DEFAULT 0 NOT NULL,
	"sign_time" timestamp with time zone,
	"sign_img_url" varchar(1024) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendees_sign_type_ck" CHECK ("attendees"."sign_type" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"name" varchar(64) NOT NULL,
	"parent_id" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_name_ck" CHECK (length("departments"."name") > 0),
	CONSTRAINT "departments_not_own_parent_ck" CHECK ("departments"."parent_id" is null or "departments"."parent_id" <> "departments"."id")
);
--> statement-breakpoint
CREATE TABLE "open_api_credentials" (
	"id" serial PRIMARY KEY NOT NULL,
	"appkey" varchar(32) NOT NULL,
	"secret_hash" varchar(64) NOT NULL,
	"company_id" varchar(32) NOT NULL,
	"name" varchar(64) DEFAULT '' NOT NULL,
	"created_by_admin_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open_api_subscriptions" (
	"credential_id" integer PRIMARY KEY NOT NULL,
	"callback_url" varchar(1024) NOT NULL,
	"aes_key" varchar(43) NOT NULL,
	"token" varchar(64) NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_api_tokens" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"credential_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_allowed_users" (
	"room_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "room_allowed_users_room_id_user_id_pk" PRIMARY KEY("room_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "speaker" varchar(64);--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "address" varchar(255);--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "address" varchar(255) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "memo" varchar(500) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "open_minute" integer;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "close_minute" integer;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "area" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "longitude" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "latitude" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "radius" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "need_audit" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "permission" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "scene_image" varchar(1024) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "department_id" varchar(64);--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "position" varchar(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "status" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "face_url" varchar(1024) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "department_id" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "memo" varchar(500) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attendees" ADD CONSTRAINT "attendees_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendees" ADD CONSTRAINT "attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_api_credentials" ADD CONSTRAINT "open_api_credentials_created_by_admin_id_admins_id_fk" FOREIGN KEY ("created_by_admin_id") REFERENCES "public"."admins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_api_subscriptions" ADD CONSTRAINT "open_api_subscriptions_credential_id_open_api_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."open_api_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_api_tokens" ADD CONSTRAINT "open_api_tokens_credential_id_open_api_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."open_api_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_allowed_users" ADD CONSTRAINT "room_allowed_users_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_allowed_users" ADD CONSTRAINT "room_allowed_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendees_appointment_user_uq" ON "attendees" USING btree ("appointment_id","user_id");--> statement-breakpoint
CREATE INDEX "attendees_user_idx" ON "attendees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "departments_parent_idx" ON "departments" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open_api_credentials_appkey_uq" ON "open_api_credentials" USING btree ("appkey");--> statement-breakpoint
CREATE INDEX "open_api_tokens_expires_idx" ON "open_api_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "room_allowed_users_user_idx" ON "room_allowed_users" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_department_idx" ON "users" USING btree ("department_id");--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_hours_ck" CHECK (("rooms"."open_minute" is null and "rooms"."close_minute" is null) or ("rooms"."open_minute" between 0 and 1439 and "rooms"."close_minute" between 1 and 1440 and "rooms"."close_minute" > "rooms"."open_minute"));--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_permission_ck" CHECK ("rooms"."permission" in (0, 1));--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_area_ck" CHECK ("rooms"."area" >= 0);--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_radius_ck" CHECK ("rooms"."radius" >= 0);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_status_ck" CHECK ("users"."status" in (0, 1));