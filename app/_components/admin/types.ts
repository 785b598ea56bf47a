// Shapes of the JSON the console reads (legacy contracts, legacy-behaviour §2.1 and §3, plus the /api/admin views).

export interface ServerStats {
  username: string;
  totalUser: number;
  totalAppointment: number;
  totalToday: number;
  autoCheck: boolean;
  autoClean: boolean;
}

export interface ServerProperties {
  sh: number;
  sm: number;
  ch: number;
  cm: number;
  check: boolean;
  checkInterval: number;
  clean: boolean;
  cleanInterval: number;
}

export interface DashboardCharts {
  generatedAt: string;
  perDay: { date: string; byStatus: Record<string, number>; total: number }[];
  utilization: {
    from: string;
    to: string;
    rooms: { roomId: number; place: string; available: boolean; bookedMinutes: number; openMinutes: number; ratio: number }[];
  };
  queue: { pending: number; oldestId: number | null; oldestSubmittedAt: string | null; oldestAgeMinutes: number | null };
  deliveries: { failed: number; pending: number };
}

export interface ReviewItem {
  appointId: number;
  userid: string;
  name: string;
  roomId: number;
  place: string;
  size: number;
  roomAvailable: boolean;
  purpose: string;
  participants: number;
  phone: string;
  startTime: string;
  duration: number;
  note: string | null;
  handTime: string;
  conflicts: { appointId: number; statusCode: 2 | 3; name: string; purpose: string; startTime: string; duration: number }[];
  /** Place in the whole pending queue (1 = first). */
  queuePosition: number;
  /** Recurring bookings: the series and how many of its dates are pending. */
  seriesId: number | null;
  seriesPending: number;
}

export interface Room {
  roomId: number;
  place: string;
  size: number;
  available: 0 | 1;
}

export interface UserInfoItem {
  id: number;
  role: number;
  userid: string;
  avatar: string;
  name: string;
  age: number;
  gender: number;
  phone: string | null;
  email: string | null;
  createTime: string;
}

export interface AdminRow {
  id: number;
  username: string;
  password: "";
  privileged: 0 | 1;
  createTime: string;
  hasPassword?: boolean;
  /** Where the rights come from: added here, or a campus platform role. */
  rightsSource?: "local" | "campus";
}
