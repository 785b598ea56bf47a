/**
 * The caller's address for per-client limits of anonymous requests: the first X-Forwarded-For hop as set by the
 * proxy in front of us (Vercel, nginx), else X-Real-IP. Without either, every anonymous caller shares one budget.
 */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip")?.trim() || "unknown";
}
