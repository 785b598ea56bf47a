"use client";
// Admin password sign-in (POST /login, the legacy form). The login page has no query client: a plain call.
import { postForm } from "./client";

/** Resolves on success; rejects with an ApiError (1002 wrong name or password, 4003 throttled) or a TypeError (network). */
export const signInAdmin = (v: { username: string; password: string }) => postForm("/login", v);
