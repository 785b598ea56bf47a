import type { Metadata } from "next";
import { RoomsPage } from "@/app/_components/admin/pages/rooms";

export const metadata: Metadata = { title: "会议室" };

export default function Page() {
  return <RoomsPage />;
}
