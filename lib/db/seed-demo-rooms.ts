import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "./client";
import { roomPhotos, rooms, settings } from "./schema";
import { insertStoredFile } from "./stored-files";

// Demo data of the room facts: buildings, floors, equipment, descriptions, drawn photos, one room with check-in
// (a new room, so the legacy demo rooms 逸夫楼101–501 other tests book keep check-in off).
// Idempotent: rooms are matched by place, facts are only filled where none are set, photos only for rooms without.

const FACTS: Record<string, { building: string; floor: string; equipment: string[]; description: string }> = {
  逸夫楼101: { building: "逸夫楼", floor: "1", equipment: ["投影仪", "白板", "音响"], description: "阶梯教室式布局，适合讲座和答辩。" },
  逸夫楼201: { building: "逸夫楼", floor: "2", equipment: ["投影仪", "白板"], description: "" },
  逸夫楼301: { building: "逸夫楼", floor: "3", equipment: ["视频会议", "电视", "电话"], description: "配备视频会议终端，可与校区间远程连线。" },
  逸夫楼401: { building: "逸夫楼", floor: "4", equipment: ["投影仪", "音响"], description: "" },
  逸夫楼501: { building: "逸夫楼", floor: "5", equipment: ["白板"], description: "" },
};

const NEW_ROOMS = [
  // Check-in required: its printable code is in the console (设施与签到).
  { place: "图书馆研讨室A", size: 8, building: "图书馆", floor: "3", equipment: ["白板", "电视"], description: "安静的小组研讨室，可投屏到电视。请保持安静。", checkInRequired: true, checkInToken: "demo-checkin-library-a-0001" },
  { place: "图书馆研讨室B", size: 12, building: "图书馆", floor: "3", equipment: ["白板", "投影仪", "视频会议"], description: "带视频会议的研讨室，适合组会。" },
  { place: "理科楼B205", size: 30, building: "理科楼", floor: "2", equipment: ["投影仪", "白板", "音响"], description: "" },
];

const PALETTE = [
  ["#dbeafe", "#1d4ed8"],
  ["#dcfce7", "#15803d"],
  ["#fef3c7", "#b45309"],
  ["#fce7f3", "#be185d"],
];

/** A simple drawn "photo" of a meeting room (table, chairs, screen), so the demo shows real images. */
async function drawRoom(seed: number): Promise<Buffer> {
  const [bg, fg] = PALETTE[seed % PALETTE.length];
  const chairs = Array.from({ length: 6 }, (_, i) => `<rect x="${330 + i * 100}" y="${i % 2 ? 560 : 330}" width="60" height="50" rx="10" fill="${fg}" opacity="0.55"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <rect width="1200" height="900" fill="${bg}"/>
    <rect x="0" y="700" width="1200" height="200" fill="${fg}" opacity="0.15"/>
    <rect x="420" y="80" width="360" height="${seed % 2 ? 200 : 170}" rx="8" fill="#ffffff" stroke="${fg}" stroke-width="8"/>
    <rect x="300" y="400" width="640" height="150" rx="30" fill="#ffffff" stroke="${fg}" stroke-width="8"/>
    ${chairs}
    <circle cx="${150 + (seed % 3) * 40}" cy="160" r="60" fill="#ffffff" opacity="0.7"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
}

export async function seedDemoRooms(db: Db) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(72430012)`);
    await tx.insert(rooms).values(NEW_ROOMS.map((r) => ({ ...r }))).onConflictDoNothing();
    for (const [place, f] of Object.entries(FACTS)) {
      await tx
        .update(rooms)
        .set({ building: f.building, floor: f.floor, equipment: f.equipment, description: f.description })
        .where(and(eq(rooms.place, place), eq(rooms.building, "")));
    }
    await tx.update(settings).set({ extraEquipment: sql`case when cardinality(${settings.extraEquipment}) = 0 then array['空调']::text[] else ${settings.extraEquipment} end` }).where(eq(settings.id, 1));

    const places = [...Object.keys(FACTS).slice(0, 3), ...NEW_ROOMS.map((r) => r.place)];
    const targets = await tx.select({ id: rooms.id, place: rooms.place }).from(rooms).where(inArray(rooms.place, places));
    const withPhotos = new Set((await tx.selectDistinct({ roomId: roomPhotos.roomId }).from(roomPhotos)).map((r) => r.roomId));
    let n = 0;
    for (const room of targets.sort((a, b) => a.id - b.id)) {
      if (withPhotos.has(room.id)) continue;
      for (let i = 0; i < 2; i++) {
        const data = await drawRoom(n++);
        // Demo photos live in the database whatever the file store: seeding never waits on the campus platform.
        const fileId = await insertStoredFile(tx, data, "image/jpeg");
        await tx.insert(roomPhotos).values({ roomId: room.id, fileId, position: i, width: 1200, height: 900 });
      }
    }
  });
}
