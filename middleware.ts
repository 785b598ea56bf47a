// Edge middleware: gates page paths by role from the signed session cookie. Never imports lib/db.
// [2] Identity fills in the gate; JSON endpoints are never redirected (routes answer 3001/1005/1006 themselves).
import { NextResponse, type NextRequest } from "next/server";

export default function middleware(_req: NextRequest) {
  return NextResponse.next();
}

export const config = {
  // Written without the /meeting base path. Static assets, Auth.js and the health check are left alone.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health|api/auth).*)"],
};
