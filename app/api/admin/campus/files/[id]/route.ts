// GET /api/admin/campus/files/{id} – a file kept in the platform's file center, streamed through us with our own
// authorization (new; any admin). Only files we stored (campus_files) can be fetched.
import { legacyRoute } from "@/lib/http/legacy";
import { openCampusFile } from "@/lib/services/campus/files";
import { campusFileIdSchema } from "@/lib/validation/campus";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: campusFileIdSchema }, async ({ input }) => {
  const f = await openCampusFile(input.id);
  return new Response(f.body, {
    headers: {
      "content-type": f.contentType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      "cache-control": "private, no-store",
      ...(f.length ? { "content-length": f.length } : {}),
    },
  });
});
