import "server-only";

/** Public address of a room photo (served by app/room-photo/[id]/route.ts, relative to the base path). */
export const roomPhotoPath = (photoId: number) => `/room-photo/${photoId}`;
