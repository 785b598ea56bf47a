import type { SendText } from "./wecom-message";

// SEAM: message/send through the identity engineer's WeCom client (lib/clients/wecom), which owns the access token
// cached in the database. Until it is merged, sending fails transiently, so messages wait in the outbox (retried with
// back-off) instead of being lost.
export const sendWecomText: SendText = async () => {
  throw new Error("WeCom client not wired yet (lib/clients/wecom)");
};
