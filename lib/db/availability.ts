import "server-only";
import type { Sql } from "postgres";

// When Postgres connections are killed or the server restarts, requests either succeed after one transparent retry of
// the failed statement (reads outside a transaction) or are answered 503 with Retry-After by the HTTP adapters (never
// 500). This module is the one place that knows what "the database is unavailable" looks like and which statements are
// safe to send twice.

/** SQLSTATEs of a lost or refused connection: class 08, admin/crash shutdown, cannot connect now, too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P01|57P02|57P03|53300)$/;
/** postgres-js / Node codes of a connection that broke, was never made, or timed out. */
const UNAVAILABLE_CODE = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** Seconds a client is told to wait (Retry-After) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 2;

/** True when `e` (or an error it wraps, e.g. drizzle's DrizzleQueryError) says the database could not be reached. */
export function isDatabaseUnavailable(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 6; depth++) {
    const err = cur as { code?: unknown; errno?: unknown; cause?: unknown };
    if (typeof err.code === "string" && (UNAVAILABLE_CODE.has(err.code) || UNAVAILABLE_SQLSTATE.test(err.code))) return true;
    if (typeof err.errno === "string" && UNAVAILABLE_CODE.has(err.errno)) return true;
    if (cur instanceof AggregateError && cur.errors.some(isDatabaseUnavailable)) return true;
    cur = err.cause;
  }
  return false;
}

/**
 * A statement that only reads and has no side effect, so that sending it again after a lost connection cannot change
 * anything: a plain SELECT (or a WITH … SELECT without data-modifying parts), not a locking or sequence-advancing one.
 */
export function isRetryableRead(query: string): boolean {
  const q = query.trimStart().toLowerCase();
  if (!q.startsWith("select") && !q.startsWith("with") && !q.startsWith("(select")) return false;
  return !/\b(insert|update|delete|merge|nextval|setval|pg_(try_)?advisory\w*|set_config|pg_notify|for\s+(update|share|no\s+key|key))\b/.test(q);
}

const RETRY_DELAY_MS = 50;

type Mode = "rows" | "values";

/** A lazy stand-in for postgres-js's PendingQuery with the two shapes drizzle uses: `await q` and `await q.values()`. */
class RetryingQuery implements PromiseLike<unknown> {
  #mode: Mode = "rows";
  #promise?: Promise<unknown>;
  constructor(
    private readonly sql: Sql,
    private readonly args: Parameters<Sql["unsafe"]>,
  ) {}

  values() {
    this.#mode = "values";
    return this;
  }

  #run(): Promise<unknown> {
    const once = () => {
      const q = this.sql.unsafe(...this.args);
      return this.#mode === "values" ? q.values() : q;
    };
    return (async () => {
      try {
        return await once();
      } catch (e) {
        if (!isDatabaseUnavailable(e)) throw e;
        // postgres-js opens a new connection for the next statement; give a restarting server a moment.
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
        return await once();
      }
    })();
  }

  then<A = unknown, B = never>(ok?: ((v: unknown) => A | PromiseLike<A>) | null, fail?: ((e: unknown) => B | PromiseLike<B>) | null) {
    this.#promise ??= this.#run();
    return this.#promise.then(ok, fail);
  }

  catch<B = never>(fail?: ((e: unknown) => B | PromiseLike<B>) | null) {
    return this.then(undefined, fail);
  }

  finally(f?: (() => void) | null) {
    this.#promise ??= this.#run();
    return this.#promise.finally(f);
  }
}

/**
 * The pool handed to drizzle: statements outside transactions that only read are retried once on a lost connection.
 * Transactions (`begin`, `reserve`) get the pool's own connections and are never replayed here: a failed write is
 * reported (503) and the client decides.
 */
export function withReadRetry(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, prop) {
      if (prop === "unsafe") {
        return (...args: Parameters<Sql["unsafe"]>) =>
          isRetryableRead(String(args[0])) ? new RetryingQuery(target, args) : target.unsafe(...args);
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
