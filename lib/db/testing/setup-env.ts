// Runs in every test worker before the test file: a deterministic, complete configuration.
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
process.env.APP_TIMEZONE ??= "Asia/Shanghai";
process.env.ADMIN_PASSWORD ??= "admin-test-password";
process.env.CRON_SECRET ??= "test-cron-secret-0123456789";
process.env.OPEN_API_ALLOW_PRIVATE_CALLBACKS ??= "1"; // fake subscribers listen on 127.0.0.1
delete process.env.DATABASE_URL;
process.env.LOG_FORMAT ??= "off";
