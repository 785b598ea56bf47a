import type { Metadata } from "next";
import { CalendarPage } from "@/app/_components/admin/pages/calendar";

export const metadata: Metadata = { title: "校历与节次" };

export default function Page() {
  return <CalendarPage />;
}
