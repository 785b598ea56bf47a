// Regenerates the static files in public/ (committed; run again only when the artwork changes):
// favicon.ico (16/32/48 px PNG entries), app icons (192/512 px, maskable-safe, Apple touch 180 px) and the default
// avatar shown for people without one. Usage: node scripts/generate-public-assets.mjs
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const out = path.resolve("public");
fs.mkdirSync(out, { recursive: true });

const BRAND = "#2f7cf6";
// The calendar mark of the app header, white on the brand colour, with room for maskable cropping.
const icon = (rounded) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${rounded ? 112 : 0}" fill="${BRAND}"/>
  <g fill="none" stroke="#fff" stroke-width="28" stroke-linecap="round" stroke-linejoin="round" transform="translate(106 106) scale(12.5)">
    <rect x="3" y="5" width="18" height="16" rx="3"/>
    <path d="M3 10h18M8 3v4M16 3v4M8 14h3"/>
  </g>
</svg>`.replace(/stroke-width="28"/, 'stroke-width="1.9"');

// A neutral head-and-shoulders silhouette.
const avatar = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256">
  <rect width="256" height="256" fill="#e2e8f0"/>
  <circle cx="128" cy="100" r="48" fill="#94a3b8"/>
  <path d="M40 256c0-52 40-88 88-88s88 36 88 88z" fill="#94a3b8"/>
</svg>`;

const png = (svg, size) => sharp(Buffer.from(svg)).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

async function main() {
  fs.writeFileSync(path.join(out, "icon-192.png"), await png(icon(false), 192));
  fs.writeFileSync(path.join(out, "icon-512.png"), await png(icon(false), 512));
  fs.writeFileSync(path.join(out, "apple-touch-icon.png"), await png(icon(false), 180));
  fs.writeFileSync(path.join(out, "default-avatar.png"), await png(avatar, 256));

  // ICO with PNG entries (supported by every current browser).
  const sizes = [16, 32, 48];
  const images = await Promise.all(sizes.map((s) => png(icon(true), s)));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((s, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(s, e);
    header.writeUInt8(s, e + 1);
    header.writeUInt8(0, e + 2);
    header.writeUInt8(0, e + 3);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(images[i].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  fs.writeFileSync(path.join(out, "favicon.ico"), Buffer.concat([header, ...images]));

  const manifest = {
    name: "会议室预约",
    short_name: "会议室",
    description: "校园会议室预约（企业微信）",
    lang: "zh-CN",
    start_url: "/meeting/",
    scope: "/meeting/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: BRAND,
    icons: [
      { src: "/meeting/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any maskable" },
      { src: "/meeting/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any maskable" },
    ],
  };
  fs.writeFileSync(path.join(out, "manifest.webmanifest"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${fs.readdirSync(out).join(", ")} to ${out}`);
}
main();
