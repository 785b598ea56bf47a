"use client";
// The signed-in user's profile: the avatar upload (POST /profile/upload, then POST /profile with its URL) and the form.
import { useMutation } from "@tanstack/react-query";
import { postFileWithProgress, postForm } from "./client";

export interface ProfileFields {
  gender: string;
  age: string;
  phone: string;
  email: string;
}

/** Uploads the picture (the new avatar's URL comes back in errmsg, legacy E7) and saves it as the avatar. */
export function useAvatarUpload(onProgress: (percent: number) => void) {
  return useMutation({
    mutationFn: async (file: File) => {
      const { errmsg: url } = await postFileWithProgress("/profile/upload", "upload", file, onProgress);
      await postForm("/profile", { avatar: url });
      return url;
    },
  });
}

export function useSaveProfile() {
  return useMutation({ mutationFn: (v: ProfileFields) => postForm("/profile", { ...v }) });
}
