// GET /admin/qrcode/login?code&state – WeCom web-login callback for admins (legacy AdminController#qrcodeLogin)
import { finishAdminQrSignIn } from "@/lib/auth/flows";

export const GET = (req: Request) => finishAdminQrSignIn(req);
