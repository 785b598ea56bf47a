import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "会议室预约", template: "%s · 会议室预约" },
  description: "校园会议室预约（企业微信）",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f7cf6" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-dvh bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
