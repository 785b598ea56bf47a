// GET /admin/qrcode – admin sign-in by WeCom QR code: redirect to WeCom web login (legacy AdminController#qrcode)
import { startAdminQrSignIn } from "@/lib/http/flows";

export const GET = () => startAdminQrSignIn();
