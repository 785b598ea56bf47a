import { deptEndpoints } from "./depts";
import { meetingEndpoints } from "./meetings";
import { roomEndpoints } from "./rooms";
import { userEndpoints } from "./users";

type Endpoint = (req: Request) => Promise<Response>;

const table = (endpoints: Record<string, Endpoint>) => new Map<string, Endpoint>(Object.entries(endpoints));

/**
 * Every Open API endpoint by resource and action (paths are matched after trimming stray spaces). Maps, not plain
 * objects: a name from the URL such as `__proto__` or `constructor` must find nothing, never an inherited property.
 */
export const OPEN_ENDPOINTS: ReadonlyMap<string, ReadonlyMap<string, Endpoint>> = new Map([
  ["user", table(userEndpoints)],
  ["dept", table(deptEndpoints)],
  ["room", table(roomEndpoints)],
  ["meeting", table(meetingEndpoints)],
]);
