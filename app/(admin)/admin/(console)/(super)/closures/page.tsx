import type { Metadata } from "next";
import { ClosuresPage } from "@/app/_components/admin/pages/closures";

export const metadata: Metadata = { title: "关闭管理" };

export default function Page() {
  return <ClosuresPage />;
}
