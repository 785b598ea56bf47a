// Test fixture: writes small uncompressed BMPs (the kinds legacy clients produce) from RGBA pixels.

export function encodeBmp(width: number, height: number, rgba: Buffer, bpp: 24 | 32, opts: { bitfields?: boolean } = {}): Buffer {
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const masksSize = opts.bitfields ? 16 : 0;
  const dataOffset = 14 + 40 + masksSize;
  const size = dataOffset + stride * height;
  const buf = Buffer.alloc(size);
  buf.write("BM", 0, "ascii");
  buf.writeUInt32LE(size, 2);
  buf.writeUInt32LE(dataOffset, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(height, 22); // bottom-up
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(bpp, 28);
  buf.writeUInt32LE(opts.bitfields ? 3 : 0, 30);
  buf.writeUInt32LE(stride * height, 34);
  if (opts.bitfields) {
    buf.writeUInt32LE(0x00ff0000, 54);
    buf.writeUInt32LE(0x0000ff00, 58);
    buf.writeUInt32LE(0x000000ff, 62);
    buf.writeUInt32LE(0xff000000, 66);
  }
  for (let y = 0; y < height; y++) {
    const row = dataOffset + (height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const o = row + x * (bpp / 8);
      buf[o] = rgba[i + 2];
      buf[o + 1] = rgba[i + 1];
      buf[o + 2] = rgba[i];
      if (bpp === 32) buf[o + 3] = rgba[i + 3];
    }
  }
  return buf;
}
