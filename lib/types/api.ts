// The JSON shapes the browser reads, as one type-only module: each is the type the services (or the legacy views in
// lib/http) build the answer from, so client and server cannot drift apart. Components import types from here, never
// from lib/services directly. Nothing here exists at run time.
import type { legacyProperties, legacyUserInfoView } from "@/lib/http/legacy-views";
import type { ServerStats as ServiceStats } from "@/lib/services/stats/get-server-stats";

export type { AdminRow } from "@/lib/services/admins/to-admin-row";
export type { DashboardCharts } from "@/lib/services/dashboard/get-dashboard-charts";
export type { ReviewItem } from "@/lib/services/review/list-review-queue";
/** Legacy Room JSON. */
export type { RoomView as Room } from "@/lib/services/rooms/to-room";
export type { Profile } from "@/lib/services/profile/to-profile";
export type { AcademicCalendar, ClassPeriod, Term } from "@/lib/services/calendar/academic-calendar";
export type { DayLabel } from "@/lib/domain/week-label";
export type { Report, UtilizationRow } from "@/lib/services/reports/get-report";
export type { ClosureHit, ClosureView } from "@/lib/services/closures/closures";
export type { BookingGrid, GridBooking, GridRoom } from "@/lib/services/console/booking-grid";
export type { OccurrencePreview, OccurrenceState } from "@/lib/services/series/preview-series";
export type { RoomOption, RoomOptionsPage } from "@/lib/services/console/room-options";
export type { RoomProfile } from "@/lib/services/rooms/get-room-profile";
export type { Availability } from "@/lib/services/rooms/get-room-availability";
export type { Period } from "@/lib/services/booking/free-windows";
export type { AuditEntryView as AuditRow, AuditPage as AuditPageData } from "@/lib/services/audit/list-audit-log";

/** GET /server: the dashboard counts and switches, with the signed-in admin's name. */
export type ServerStats = ServiceStats & { username: string };
/** GET /server/properties. */
export type ServerProperties = ReturnType<typeof legacyProperties>;
/** A row of GET /profile/all. */
export type UserInfoItem = ReturnType<typeof legacyUserInfoView>;
