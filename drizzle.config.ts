import { defineConfig } from "drizzle-kit";

// Used only for `drizzle-kit generate`; migrations are applied by the app itself on first open (lib/db/client.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
