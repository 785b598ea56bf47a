import { errorIcon, errorTitle } from "@/lib/http/error-page";
import { isAppError, MESSAGES, type ErrorCode } from "@/lib/errors";

// The legacy ERRPAGE inside a server-rendered page: code, message and an optional link. Route handlers answer the
// same page with errorPage() from lib/http/error-page.

export interface ErrorViewProps {
  code: ErrorCode;
  message?: string;
  link?: { href: string; text: string };
}

export function ErrorView({ code, message, link }: ErrorViewProps) {
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <section data-errcode={code} className="w-full max-w-sm rounded-2xl bg-white px-6 py-8 text-center shadow-sm">
        <div className="text-4xl" aria-hidden="true">
          {errorIcon(code)}
        </div>
        <h1 className="mt-3 text-xl font-semibold">{errorTitle(code)}</h1>
        <p id="errmsg" className="mt-2 text-slate-700">
          {message ?? MESSAGES[code]}
        </p>
        <p className="mt-1 text-xs text-slate-500">错误码 {code}</p>
        {link && (
          <a href={link.href} className="mt-5 inline-block rounded-lg bg-brand-600 px-5 py-2 text-white">
            {link.text}
          </a>
        )}
      </section>
    </main>
  );
}

/** An ErrorView for an AppError thrown by a service; anything else is re-thrown (a real 500). */
export function errorViewFor(e: unknown, link?: ErrorViewProps["link"]) {
  if (!isAppError(e)) throw e;
  return <ErrorView code={e.code} message={e.message} link={link} />;
}
