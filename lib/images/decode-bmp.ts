// sharp (libvips) has no BMP loader, and legacy clients upload BMP avatars. This decodes the common uncompressed
// kinds (8-bit palette, 24-bit, 32-bit BI_RGB or BI_BITFIELDS) into RGBA for sharp's raw input. Anything else is
// refused; every offset is bounds-checked because the bytes come from strangers.

import "server-only";

export interface RawImage {
  width: number;
  height: number;
  /** RGBA, top row first. */
  data: Buffer;
}

export class BmpError extends Error {}

const MAX_SIDE = 10000;
const MAX_PIXELS = 40_000_000;

export const isBmp = (buf: Buffer) => buf.length >= 26 && buf[0] === 0x42 && buf[1] === 0x4d;

export function decodeBmp(buf: Buffer): RawImage {
  if (!isBmp(buf) || buf.length < 54) throw new BmpError("not a BMP file");
  const dataOffset = buf.readUInt32LE(10);
  const headerSize = buf.readUInt32LE(14);
  if (headerSize < 40 || 14 + headerSize > buf.length) throw new BmpError("unsupported BMP header");
  const width = buf.readInt32LE(18);
  const rawHeight = buf.readInt32LE(22);
  const bpp = buf.readUInt16LE(28);
  const compression = buf.readUInt32LE(30);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new BmpError("bad BMP dimensions");
  }

  let masks: [number, number, number, number] | null = null;
  if (compression === 3 || compression === 6) {
    if (bpp !== 32) throw new BmpError("unsupported BMP bitfields");
    // BITMAPINFOHEADER keeps the masks right after the header; V4/V5 headers contain them.
    const at = 14 + 40;
    if (at + 12 > buf.length) throw new BmpError("truncated BMP masks");
    const alpha = headerSize >= 56 || compression === 6 ? (at + 16 <= buf.length ? buf.readUInt32LE(at + 12) : 0) : 0;
    masks = [buf.readUInt32LE(at), buf.readUInt32LE(at + 4), buf.readUInt32LE(at + 8), alpha];
  } else if (compression !== 0) {
    throw new BmpError("compressed BMP is not supported");
  }
  if (![8, 24, 32].includes(bpp)) throw new BmpError(`unsupported BMP depth ${bpp}`);

  let palette: Buffer | null = null;
  if (bpp === 8) {
    const used = buf.readUInt32LE(46) || 256;
    const start = 14 + headerSize;
    if (used > 256 || start + used * 4 > buf.length) throw new BmpError("bad BMP palette");
    palette = buf.subarray(start, start + used * 4);
  }

  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  if (dataOffset + stride * height > buf.length) throw new BmpError("truncated BMP pixel data");

  const out = Buffer.alloc(width * height * 4);
  const channel = (v: number, mask: number) => {
    if (!mask) return 255;
    const shift = countTrailingZeros(mask);
    const bits = popcount(mask);
    const raw = (v & mask) >>> shift;
    return bits >= 8 ? raw >>> (bits - 8) : Math.round((raw * 255) / ((1 << bits) - 1));
  };
  let anyAlpha = false;
  for (let y = 0; y < height; y++) {
    const src = dataOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (bpp === 8) {
        const idx = buf[src + x];
        if (!palette || idx * 4 + 2 >= palette.length) throw new BmpError("BMP palette index out of range");
        out[o] = palette[idx * 4 + 2];
        out[o + 1] = palette[idx * 4 + 1];
        out[o + 2] = palette[idx * 4];
        out[o + 3] = 255;
      } else if (bpp === 24) {
        const p = src + x * 3;
        out[o] = buf[p + 2];
        out[o + 1] = buf[p + 1];
        out[o + 2] = buf[p];
        out[o + 3] = 255;
      } else if (masks) {
        const v = buf.readUInt32LE(src + x * 4);
        out[o] = channel(v, masks[0]);
        out[o + 1] = channel(v, masks[1]);
        out[o + 2] = channel(v, masks[2]);
        out[o + 3] = masks[3] ? channel(v, masks[3]) : 255;
        if (masks[3] && out[o + 3] !== 0) anyAlpha = true;
      } else {
        // 32-bit BI_RGB: the fourth byte is unused by the format (often 0), so the image is opaque.
        const p = src + x * 4;
        out[o] = buf[p + 2];
        out[o + 1] = buf[p + 1];
        out[o + 2] = buf[p];
        out[o + 3] = 255;
      }
    }
  }
  // An alpha mask whose alpha is 0 everywhere is a writer that never set it: treat the image as opaque.
  if (masks?.[3] && !anyAlpha) for (let i = 3; i < out.length; i += 4) out[i] = 255;
  return { width, height, data: out };
}

function countTrailingZeros(n: number): number {
  if (n === 0) return 32;
  let c = 0;
  while (((n >>> c) & 1) === 0) c++;
  return c;
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n >>> 0; v; v >>>= 1) c += v & 1;
  return c;
}
