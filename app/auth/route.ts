// GET /auth – WeCom OAuth / web-login callback: verify state, exchange the code, sign the user in (legacy IndexController#auth)
import { finishUserSignIn } from "@/lib/http/flows";
import { withRequestContext } from "@/lib/http/context";

export const GET = (req: Request) => withRequestContext(req, "page", () => finishUserSignIn(req));
