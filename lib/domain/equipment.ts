/**
 * The equipment a room can list (rooms.equipment holds these keys); admins may add their own names in settings
 * (lib/services/rooms/list-equipment.ts reads the whole list). Pure data: client components import it.
 */
export const BASE_EQUIPMENT = ["投影仪", "白板", "视频会议", "电话", "电视", "音响"] as const;
