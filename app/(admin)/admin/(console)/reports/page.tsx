import type { Metadata } from "next";
import { ReportsPage } from "@/app/_components/admin/pages/reports";

export const metadata: Metadata = { title: "统计报表" };

export default function Page() {
  return <ReportsPage />;
}
