// Appointment status codes (legacy §5.3) with the console's labels and chart colours (colour-blind-safe order).
export const STATUS_META = [
  { code: 3, label: "已通过", color: "#15803d", tone: "green" },
  { code: 2, label: "待审核", color: "#d97706", tone: "amber" },
  { code: 4, label: "被退回", color: "#be123c", tone: "red" },
  { code: 1, label: "已取消", color: "#64748b", tone: "slate" },
  { code: 0, label: "已过期", color: "#cbd5e1", tone: "slate" },
] as const;

export function formatAge(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;
  return `${Math.floor(minutes / 1440)} 天 ${Math.floor((minutes % 1440) / 60)} 小时`;
}

export const pad2 = (n: number) => String(n).padStart(2, "0");
