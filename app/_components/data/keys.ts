// Every React Query key of the app, in one place. Keys are hierarchical: invalidating a prefix (keys.rooms.all)
// refreshes every query under it, so a write names what it changed, not each view of it.

type Params = Record<string, unknown>;

export const keys = {
  /** GET /server: dashboard counts and switches (auto-review on/off). */
  server: ["server"] as const,
  /** GET /server/properties. */
  properties: ["properties"] as const,
  dashboard: ["dashboard"] as const,
  rooms: {
    all: ["rooms"] as const,
    /** Open rooms (legacy GET /rooms). */
    open: ["rooms", "open"] as const,
    page: (page: number, size: number, q: string) => ["rooms", "page", page, size, q] as const,
    facts: (roomId: number) => ["rooms", "facts", roomId] as const,
  },
  roomSettings: ["room-settings"] as const,
  /** GET /api/admin/room-options: open rooms searched on the server, paged (the room picker). */
  roomOptions: (q: string, page: number) => ["room-options", q, page] as const,
  /** GET /api/admin/series-settings: the caps on recurring bookings. */
  seriesSettings: ["series-settings"] as const,
  review: {
    all: ["review"] as const,
    page: (p: Params) => ["review", p] as const,
  },
  admins: {
    all: ["admins"] as const,
    page: (p: Params) => ["admins", p] as const,
  },
  users: {
    all: ["users"] as const,
    page: (p: Params) => ["users", p] as const,
  },
  calendar: ["calendar"] as const,
  calendarDay: (date: string) => ["calendar-day", date] as const,
  closures: ["closures"] as const,
  grid: {
    all: ["grid"] as const,
    view: (p: Params) => ["grid", p] as const,
    buildings: ["grid-buildings"] as const,
  },
  people: (q: string) => ["people", q] as const,
  deliveries: {
    all: ["deliveries"] as const,
    failed: ["deliveries", "failed"] as const,
  },
  campus: ["campus"] as const,
  audit: (p: Params) => ["audit", p] as const,
  report: (range: Params) => ["report", range] as const,
  slot: (roomId: number, wanted: Params) => ["slot", roomId, wanted] as const,
  slotPending: (roomId: number, wanted: Params) => ["slot-pending", roomId, wanted] as const,
  seriesPreview: (wanted: unknown) => ["series-preview", wanted] as const,
};
