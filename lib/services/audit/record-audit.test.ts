import { describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { runWithRequestContext } from "@/lib/request-context";
import { useTestDb } from "@/lib/db/testing";
import { recordAudit } from "./record-audit";

const handle = useTestDb();
const getDb = () => handle().db;
{
  describe("recordAudit", () => {
    it("takes address, user agent, channel and actor from the request context", async () => {
      const db = getDb();
      const row = await runWithRequestContext(
        { channel: "legacy", clientAddress: "10.1.2.3", userAgent: "wxwork/4.1", actor: { kind: "user", id: 7, name: "张三" } },
        () => recordAudit(db, { action: "booking.submitted", objectKind: "booking", objectId: 42, after: { roomId: 1 } }),
      );
      expect(row).toMatchObject({
        actorKind: "user", actorId: "7", actorName: "张三", action: "booking.submitted", objectKind: "booking",
        objectId: "42", clientAddress: "10.1.2.3", userAgent: "wxwork/4.1", channel: "legacy", after: { roomId: 1 },
      });
    });

    it("outside a request it records the system actor on the maintenance channel", async () => {
      const row = await recordAudit(getDb(), { action: "booking.expired", objectKind: "booking", objectId: 1 });
      expect(row).toMatchObject({ actorKind: "system", channel: "maintenance", clientAddress: null });
    });

    it("is rolled back with the transaction that made the change", async () => {
      const db = getDb();
      const before = (await db.select().from(auditLog)).length;
      await db
        .transaction(async (tx) => {
          await recordAudit(tx, { action: "room.created", objectKind: "room", objectId: 9 });
          throw new Error("abort");
        })
        .catch(() => {});
      expect((await db.select().from(auditLog)).length).toBe(before);
    });
  });
}
