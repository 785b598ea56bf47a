import type { Metadata } from "next";
import { CampusPage } from "@/app/_components/admin/pages/campus";

export const metadata: Metadata = { title: "校园平台" };

export default function Page() {
  return <CampusPage />;
}
