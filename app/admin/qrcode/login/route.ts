// GET /admin/qrcode/login?code&state – WeCom web-login callback for admins (legacy AdminController#qrcodeLogin)
import { finishAdminQrSignIn } from "@/lib/http/flows";
import { withRequestContext } from "@/lib/http/context";

export const GET = (req: Request) => withRequestContext(req, "console", () => finishAdminQrSignIn(req));
