import "server-only";
import sharp from "sharp";
import { BmpError, decodeBmp, isBmp } from "./decode-bmp";

// Avatars are accepted by what the bytes are, never by the file name, and always re-encoded: the stored file is
// a fresh JPEG of at most AVATAR_SIDE pixels, so nothing an uploader smuggled in (scripts in SVG, polyglots, EXIF
// location) is ever served back.

export const AVATAR_SIDE = 512;
export const ACCEPTED = ["png", "jpeg", "gif", "webp", "bmp"] as const;
const SHARP_FORMATS = new Set(["png", "jpeg", "gif", "webp"]);
const MAX_INPUT_PIXELS = 40_000_000;

export class NotAnImageError extends Error {}

export interface EncodedAvatar {
  data: Buffer;
  contentType: "image/jpeg";
  /** What the upload really was. */
  sourceFormat: (typeof ACCEPTED)[number];
}

/** `side`: the longest side of the result (room photos are larger than avatars; same rules otherwise). */
export async function reencodeAvatar(input: Buffer, side = AVATAR_SIDE): Promise<EncodedAvatar> {
  let pipeline: ReturnType<typeof sharp>;
  let sourceFormat: EncodedAvatar["sourceFormat"];
  try {
    if (isBmp(input)) {
      const raw = decodeBmp(input);
      pipeline = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } });
      sourceFormat = "bmp";
    } else {
      const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
      if (!meta.format || !SHARP_FORMATS.has(meta.format)) throw new NotAnImageError(`format ${meta.format}`);
      sourceFormat = meta.format as EncodedAvatar["sourceFormat"];
      pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 }).rotate();
    }
    const data = await pipeline
      .resize(side, side, { fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    return { data, contentType: "image/jpeg", sourceFormat };
  } catch (e) {
    if (e instanceof NotAnImageError || e instanceof BmpError) throw e;
    // sharp refuses undecodable, truncated or oversized input with a plain Error.
    throw new NotAnImageError(e instanceof Error ? e.message : String(e));
  }
}
