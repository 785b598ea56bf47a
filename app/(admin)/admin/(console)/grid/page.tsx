import type { Metadata } from "next";
import { GridPage } from "@/app/_components/admin/pages/grid";

export const metadata: Metadata = { title: "预约总览" };

export default function Page() {
  return <GridPage />;
}
