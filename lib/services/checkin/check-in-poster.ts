import "server-only";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import QRCode from "qrcode";
import sharp from "sharp";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { badInput } from "@/lib/errors";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import { regenerateRoomToken } from "@/lib/services/rooms/room-facts";
import { whereLabel } from "@/lib/domain/where-label";

// The printable check-in code of a room: the room's name, where it is, and a QR code opening
// /meeting/checkin/{token}. Rendered as one PNG (text drawn by sharp from SVG with the system's CJK fonts, so the PDF
// needs no embedded font), and as an A4 or A5 PDF page holding that image.

export type PosterFormat = "png" | "a4" | "a5";

export const checkInUrl = (token: string) => `${env().APP_URL}/meeting/checkin/${token}`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', sans-serif";

// A5 proportions (1:√2) at 1240 × 1754 px: 150 dpi on A5, 106 dpi on A4 — sharp enough for a QR code.
const W = 1240;
const H = 1754;

/** The poster as PNG bytes. */
export async function renderPosterPng(room: { place: string; building: string; floor: string }, token: string): Promise<Buffer> {
  const url = checkInUrl(token);
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const side = 880;
  const cell = side / n;
  let path = "";
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) path += `M${(x * cell).toFixed(2)} ${(y * cell).toFixed(2)}h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`;
  const where = whereLabel(room.building, room.floor);
  const titleSize = room.place.length > 12 ? Math.max(56, Math.floor(1000 / room.place.length)) : 96;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <rect x="0" y="0" width="${W}" height="24" fill="#1d4ed8"/>
  <text x="${W / 2}" y="210" font-family="${FONT}" font-size="${titleSize}" font-weight="700" text-anchor="middle" fill="#0f172a">${esc(room.place)}</text>
  ${where ? `<text x="${W / 2}" y="290" font-family="${FONT}" font-size="44" text-anchor="middle" fill="#334155">${esc(where)}</text>` : ""}
  <g transform="translate(${(W - side) / 2}, 370)"><rect x="-40" y="-40" width="${side + 80}" height="${side + 80}" fill="#ffffff" stroke="#cbd5e1" stroke-width="4" rx="24"/><path d="${path}" fill="#000000"/></g>
  <text x="${W / 2}" y="1420" font-family="${FONT}" font-size="64" font-weight="700" text-anchor="middle" fill="#1d4ed8">企业微信扫码签到</text>
  <text x="${W / 2}" y="1510" font-family="${FONT}" font-size="38" text-anchor="middle" fill="#334155">预约人或参会人请在会议开始前后签到，</text>
  <text x="${W / 2}" y="1565" font-family="${FONT}" font-size="38" text-anchor="middle" fill="#334155">逾时未签到的预约将自动释放</text>
</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}

/** One PDF page (A4 or A5 portrait) holding the poster image. */
export async function renderPosterPdf(png: Buffer, format: "a4" | "a5", title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator("会议室预约");
  const [pw, ph] = format === "a4" ? [595.28, 841.89] : [419.53, 595.28];
  const page = pdf.addPage([pw, ph]);
  const img = await pdf.embedPng(png);
  const scale = Math.min(pw / img.width, ph / img.height);
  const w = img.width * scale;
  const h = img.height * scale;
  page.drawImage(img, { x: (pw - w) / 2, y: (ph - h) / 2, width: w, height: h });
  return Buffer.from(await pdf.save());
}

/** The room's printable code (super admin). A room without a token gets one (and an audit row). */
export async function checkInPoster(actor: SessionAdmin | null, roomId: number, format: PosterFormat) {
  requireSuper(actor);
  const db = await getDb();
  const [row] = await db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!row) throw badInput("roomId", `会议室 ${roomId} 不存在`);
  const token = row.checkInToken ?? (await regenerateRoomToken(actor, roomId, "checkIn")).checkInToken!;
  const png = await renderPosterPng(row, token);
  const base = `签到码-${row.place}`;
  if (format === "png") return { data: png, contentType: "image/png", filename: `${base}.png` };
  return { data: await renderPosterPdf(png, format, base), contentType: "application/pdf", filename: `${base}-${format.toUpperCase()}.pdf` };
}
