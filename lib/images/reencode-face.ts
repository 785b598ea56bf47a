import "server-only";
import sharp from "sharp";

// Open API faces (user/updateFace) are served back like avatars, so they are re-encoded the same way: a fresh JPEG
// from the decoded pixels (orientation applied), with no metadata carried over (EXIF location, camera, comments),
// nothing of the uploaded file's bytes served. Unlike avatars the resolution is kept (face recognition needs it).

const MAX_INPUT_PIXELS = 1920 * 1080;

export async function reencodeFace(input: Buffer): Promise<{ data: Buffer; contentType: "image/jpeg" }> {
  const data = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 })
    .rotate()
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 90, mozjpeg: true })
    .toBuffer();
  return { data, contentType: "image/jpeg" };
}
