import { deptEndpoints } from "./depts";
import { meetingEndpoints } from "./meetings";
import { roomEndpoints } from "./rooms";
import { userEndpoints } from "./users";

/** Every Open API endpoint by resource and action (paths are matched after trimming stray spaces). */
export const OPEN_ENDPOINTS = {
  user: userEndpoints,
  dept: deptEndpoints,
  room: roomEndpoints,
  meeting: meetingEndpoints,
};
