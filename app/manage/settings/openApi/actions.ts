"use server";
// Server actions of /manage/settings/openApi (super admin): app credentials, event subscription, delivery replay.
import { revalidatePath } from "next/cache";
import { generateAesKey, randomAlnum } from "@/lib/crypto/dingtalk-callback";
import { superAction } from "@/lib/http/action";
import { kickOutbox } from "@/lib/outbox/kick-outbox";
import { createAppCredential } from "@/lib/services/openapi/create-app-credential";
import { replayEventDelivery } from "@/lib/services/openapi/replay-event-delivery";
import { revokeAppCredential } from "@/lib/services/openapi/revoke-app-credential";
import { saveSubscription } from "@/lib/services/openapi/save-subscription";

const PAGE = "/manage/settings/openApi";

export async function createCredentialAction(name: string) {
  const r = await superAction((admin) => createAppCredential({ name, adminId: admin.id }));
  revalidatePath(PAGE);
  return r;
}

export async function revokeCredentialAction(id: number) {
  const r = await superAction(() => revokeAppCredential(Number(id)));
  revalidatePath(PAGE);
  return r;
}

export async function generateKeysAction() {
  return superAction(async () => ({ aesKey: generateAesKey(), token: randomAlnum(32) }));
}

export async function saveSubscriptionAction(input: { credentialId: number; callbackUrl: string; aesKey: string; token: string }) {
  const r = await superAction(() =>
    saveSubscription({
      credentialId: Number(input.credentialId),
      callbackUrl: String(input.callbackUrl ?? ""),
      aesKey: String(input.aesKey ?? ""),
      token: String(input.token ?? ""),
    }),
  );
  revalidatePath(PAGE);
  return r;
}

export async function replayDeliveryAction(id: number) {
  const r = await superAction(async () => {
    const replayed = await replayEventDelivery(Number(id));
    kickOutbox([replayed]);
    return replayed;
  });
  revalidatePath(PAGE);
  return r;
}
