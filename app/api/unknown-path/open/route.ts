// Unknown paths under /api/open (see ../route.ts): 404 in the Open API envelope.
import { unknownPathResponse } from "@/lib/http/unknown-path";

export const dynamic = "force-dynamic";

const handler = () => unknownPathResponse("open");

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
