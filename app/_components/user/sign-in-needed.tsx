// Shown by a user page when no WeCom identity is present (the edge middleware normally starts sign-in first).
import { MESSAGES } from "@/lib/errors";
import { btnPrimary, ErrorState } from "../ui/kit";

export function SignInNeeded({ next }: { next: string }) {
  return (
    <div data-errcode={3001}>
      <ErrorState
        title={MESSAGES[3001]}
        action={
          <a href={`/meeting/auth/start?${new URLSearchParams({ next: `/meeting${next}` })}`} className={btnPrimary}>
            企业微信登录 / Sign in
          </a>
        }
      />
    </div>
  );
}
