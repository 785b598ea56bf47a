// Names people read for the audit trail's codes (console page and xlsx export). Pure data: shared by the server
// and the browser. Unknown codes (added by later features) are shown as they are.

export const ACTION_LABELS: Record<string, string> = {
  "booking.submitted": "提交预约",
  "booking.cancelled": "取消预约",
  "booking.approved": "审核通过",
  "booking.rejected": "审核驳回",
  "booking.auto_approved": "自动审核通过",
  "booking.auto_rejected": "自动驳回（冲突/不可用）",
  "booking.expired": "预约过期",
  "booking.cleaned": "自动清理过期预约",
  "booking.updated": "修改预约",
  "booking.moved": "改期/换会议室",
  "booking.finished": "提前结束会议",
  "room.created": "新增会议室",
  "room.edited": "修改会议室",
  "room.opened": "开放会议室",
  "room.closed": "关闭会议室",
  "room.imported": "导入会议室表格",
  "room.removed": "删除会议室",
  "admin.added": "新增管理员",
  "admin.edited": "修改管理员",
  "admin.deleted": "删除管理员",
  "admin.password_changed": "修改密码",
  "settings.changed": "修改参数设置",
  "settings.rooms_changed": "修改签到与设备设置",
  "settings.series_changed": "修改重复预约上限",
  "credential.created": "创建开放接口凭证",
  "credential.revoked": "吊销开放接口凭证",
  "subscription.saved": "保存事件订阅",
  "delivery.retried": "重发消息",
  "delivery.replayed": "重放推送",
  "profile.updated": "修改个人资料",
  "profile.avatar_uploaded": "上传头像",
  "user.created": "首次登录建档",
  "user.added": "新增用户",
  "user.restored": "恢复用户",
  "user.edited": "修改用户",
  "user.removed": "删除用户",
  "user.face_set": "设置人脸照片",
  "user.face_cleared": "清除人脸照片",
  "department.added": "新增部门",
  "department.edited": "修改部门",
  "department.removed": "删除部门",
  "auth.user_signed_in": "用户登录",
  "auth.admin_signed_in": "管理员登录",
  "auth.admin_sign_in_failed": "管理员登录失败",
};

export const OBJECT_LABELS: Record<string, string> = {
  booking: "预约",
  room: "会议室",
  admin: "管理员",
  user: "用户",
  settings: "参数设置",
  credential: "开放接口凭证",
  subscription: "事件订阅",
  department: "部门",
  delivery: "消息投递",
};

export const CHANNEL_LABELS: Record<string, string> = {
  page: "用户页面",
  legacy: "旧版接口",
  openapi: "开放接口",
  console: "管理后台",
  maintenance: "后台任务",
};

export const ACTOR_LABELS: Record<string, string> = {
  user: "用户",
  admin: "管理员",
  openapi: "接入应用",
  system: "系统",
  anonymous: "匿名",
};

export const label = (map: Record<string, string>, code: string | null | undefined) => (code ? (map[code] ?? code) : "");
