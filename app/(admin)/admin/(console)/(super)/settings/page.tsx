import type { Metadata } from "next";
import { SettingsPage } from "@/app/_components/admin/pages/settings";

export const metadata: Metadata = { title: "参数设置" };

export default function Page() {
  return <SettingsPage />;
}
