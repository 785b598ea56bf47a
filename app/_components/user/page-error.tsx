// The one error view of the user pages (inside the phone shell): the legacy error code for tests and scripts
// (data-errcode), a title, and one link onward. Full-page console errors use ErrorView (../pages/error-view).
import Link from "next/link";
import type { ErrorCode } from "@/lib/errors";
import { ErrorState, focusRing } from "../ui/kit";

export interface PageErrorProps {
  code: ErrorCode;
  title: string;
  link: { href: string; text: string };
}

export function PageError({ code, title, link }: PageErrorProps) {
  return (
    <div data-errcode={code}>
      <ErrorState
        title={title}
        action={
          <Link href={link.href} className={`text-sm font-medium text-brand-700 underline ${focusRing}`}>
            {link.text}
          </Link>
        }
      />
    </div>
  );
}
