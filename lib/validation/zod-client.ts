// In the browser zod must not probe for `new Function` (its JIT): under the app's Content-Security-Policy (no
// 'unsafe-eval') the caught probe is still reported as a CSP violation. Imported by the client providers.
import { z } from "zod";

z.config({ jitless: true });
