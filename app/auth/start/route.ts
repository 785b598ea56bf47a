// GET /auth/start?next=&via= – start WeCom sign-in with a fresh state bound to this browser (new; replaces the console-configured URL)
import { startUserSignIn } from "@/lib/http/flows";

export const GET = (req: Request) => startUserSignIn(req);
