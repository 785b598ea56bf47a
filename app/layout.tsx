import type { Metadata, Viewport } from "next";
import { getLocale } from "@/lib/i18n/locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "会议室预约", template: "%s · 会议室预约" },
  description: "校园会议室预约（企业微信）",
  // Static files in public/, served under the /meeting base path (metadata URLs are not prefixed by Next).
  icons: {
    icon: [
      { url: "/meeting/favicon.ico", sizes: "48x48" },
      { url: "/meeting/icon-192.png", type: "image/png", sizes: "192x192" },
    ],
    apple: "/meeting/apple-touch-icon.png",
  },
  manifest: "/meeting/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f7cf6" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // zh-CN unless the visitor chose English (the `lang` cookie).
  const lang = await getLocale();
  return (
    <html lang={lang}>
      <body className="min-h-dvh bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
