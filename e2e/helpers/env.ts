// What the e2e server was started with (see playwright.config.ts), for tests that need it.
export const serverEnv = (name: string): string => {
  const v = process.env[`E2E_SERVER_${name}`];
  if (v === undefined) throw new Error(`e2e server variable ${name} is not set (run through playwright.config.ts)`);
  return v;
};

export const onPostgres = () => Boolean(process.env.E2E_DATABASE_URL);
export const ADMIN_PASSWORD = () => serverEnv("ADMIN_PASSWORD");
export const APP_URL = () => serverEnv("APP_URL");
export const WECOM_BASE = () => serverEnv("WECOM_API_BASE");
