import "server-only";
import { appointments, rooms, users } from "@/lib/db/schema";

/** Everything the history, detail and review lists show about one booking (select with the joins below). */
export const appointmentRecordColumns = {
  id: appointments.id,
  userId: appointments.userId,
  userid: users.userid,
  name: users.name,
  roomId: appointments.roomId,
  place: rooms.place,
  roomSize: rooms.size,
  purpose: appointments.purpose,
  participants: appointments.participants,
  phone: appointments.phone,
  note: appointments.note,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  status: appointments.status,
  checkInfo: appointments.checkInfo,
  submittedAt: appointments.submittedAt,
};

export interface AppointmentRecord {
  id: number;
  userId: number;
  /** The booker's WeCom userid. */
  userid: string;
  name: string;
  roomId: number;
  place: string;
  roomSize: number;
  purpose: string;
  participants: number;
  phone: string;
  note: string | null;
  startsAt: Date;
  endsAt: Date;
  status: number;
  checkInfo: string | null;
  submittedAt: Date;
}
