// GET|POST /jssdk?url= – wx.config signature {appId, timestamp, nonceStr, signature} for a page URL (legacy IndexController#jssdk)
import { legacyRoute } from "@/lib/http/legacy";
import { signJssdkConfig } from "@/lib/services/jssdk/sign-jssdk-config";
import { jssdkSchema } from "@/lib/validation/auth";

const handler = legacyRoute({ schema: jssdkSchema }, async ({ input }) => signJssdkConfig(input.url));
export { handler as GET, handler as POST };
