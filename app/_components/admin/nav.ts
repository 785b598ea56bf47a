// The console's sections and who may open them (legacy menu: users and review for every admin; admins, rooms
// and settings for super admins). The middleware and the pages enforce the same split; this only decides what
// the sidebar shows.
export interface NavItem {
  href: string;
  label: string;
  icon: string;
  superOnly?: boolean;
}

export const NAV: NavItem[] = [
  { href: "/admin", label: "概览", icon: "M3 12l9-8 9 8M5 10v10h5v-6h4v6h5V10" },
  { href: "/admin/review", label: "预约审核", icon: "M9 12l2 2 4-4M7 4h10a2 2 0 012 2v14l-7-3-7 3V6a2 2 0 012-2z" },
  { href: "/admin/grid", label: "预约总览", icon: "M3 5h18M3 10h18M3 15h18M3 20h18M8 3v18" },
  { href: "/admin/reports", label: "统计报表", icon: "M4 20V10M10 20V4M16 20v-7M22 20H2" },
  { href: "/admin/closures", label: "关闭管理", icon: "M12 3a9 9 0 100 18 9 9 0 000-18zM5.6 5.6l12.8 12.8", superOnly: true },
  { href: "/admin/calendar", label: "校历与节次", icon: "M4 6a2 2 0 012-2h12a2 2 0 012 2v14H4V6zM4 10h16M9 2v4M15 2v4", superOnly: true },
  { href: "/admin/rooms", label: "会议室", icon: "M4 21V5a2 2 0 012-2h12a2 2 0 012 2v16M9 21v-4h6v4M8 7h2M14 7h2M8 11h2M14 11h2", superOnly: true },
  { href: "/admin/users", label: "用户", icon: "M16 11a4 4 0 10-8 0 4 4 0 008 0zM4 21a8 8 0 0116 0" },
  { href: "/admin/admins", label: "管理员", icon: "M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7l8-4z", superOnly: true },
  { href: "/admin/settings", label: "参数设置", icon: "M12 15a3 3 0 100-6 3 3 0 000 6zM19 12a7 7 0 00-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 00-2-1.2L14 3h-4l-.5 2.6a7 7 0 00-2 1.2l-2.4-1-2 3.4 2 1.6A7 7 0 005 12c0 .4 0 .8.1 1.2l-2 1.6 2 3.4 2.4-1a7 7 0 002 1.2L10 21h4l.5-2.6a7 7 0 002-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z", superOnly: true },
  { href: "/admin/audit", label: "操作日志", icon: "M9 5h10M9 12h10M9 19h10M4 5h.01M4 12h.01M4 19h.01" },
  { href: "/manage/settings/openApi", label: "开放接口", icon: "M8 9l-4 3 4 3M16 9l4 3-4 3M14 5l-4 14", superOnly: true },
  { href: "/admin/campus", label: "校园平台", icon: "M3 21h18M5 21V10l7-5 7 5v11M9 21v-6h6v6M12 8v2", superOnly: true },
  { href: "/admin/account", label: "我的账号", icon: "M12 12a4 4 0 100-8 4 4 0 000 8zM6 20v-1a6 6 0 0112 0v1" },
];

export const visibleNav = (privileged: boolean) => NAV.filter((n) => privileged || !n.superOnly);
