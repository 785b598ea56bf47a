// One error type for every service. `code` is the legacy API's errcode (the product's canonical error table);
// lib/http maps it to each envelope (legacy {errcode, errmsg}, Open API {success, code, message}).

export const MESSAGES = {
  1001: "获取企业内用户信息失败",
  1002: "管理员用户名或密码错误",
  1003: "服务器属性修改失败",
  1004: "部分服务器属性修改失败，请检查数据格式是否规范",
  1005: "管理员身份过期，请重新登录",
  1006: "管理员权限不足",
  1007: "管理员用户名已存在",
  1008: "管理员用户名为系统保留",
  1009: "自动审核运行中，人工审核停用",
  1010: "未找到企业用户名和管理员名相同的匹配项（非管理员）",
  1011: "部分管理员添加失败",
  1012: "配置会议室数据失败，请检查上传的表格数据是否规范",
  2001: "获取用户信息失败",
  2002: "修改用户信息失败",
  2003: "提交预约失败：该时段已被占用",
  2004: "退回预约失败",
  2005: "通过预约失败",
  2006: "取消预约失败",
  2007: "预约号参数为空或不合法",
  2008: "无权预约该会议室",
  2009: "会议当前状态不允许该操作",
  3001: "请在企业微信客户端打开链接",
  3002: "非企业成员",
  3003: "预约的时间段为会议室非开放时间段",
  3004: "身份信息过期",
  4001: "您上传头像的不是图片类型",
  4002: "数据格式有误",
  4003: "操作频繁",
  4004: "表格文件上传失败",
  4005: "拒绝跨站请求",
  4006: "账号已被使用",
  4007: "手机号已被使用",
  4040: "资源不存在",
  5000: "服务器繁忙，请稍后再试",
} as const;

export type ErrorCode = keyof typeof MESSAGES;

/** The codes by name, for services: `new AppError(E.SLOT_TAKEN)`. The numbers are the legacy API's, never renumbered. */
export const E = {
  WECOM_USER_FAILED: 1001,
  ADMIN_LOGIN_FAILED: 1002,
  SETTINGS_FAILED: 1003,
  SETTINGS_PARTLY_FAILED: 1004,
  ADMIN_SIGN_IN_NEEDED: 1005,
  NOT_SUPER_ADMIN: 1006,
  ADMIN_NAME_TAKEN: 1007,
  ADMIN_NAME_RESERVED: 1008,
  AUTO_REVIEW_ON: 1009,
  NOT_AN_ADMIN: 1010,
  ADMINS_PARTLY_ADDED: 1011,
  ROOMS_SHEET_FAILED: 1012,
  PROFILE_READ_FAILED: 2001,
  PROFILE_SAVE_FAILED: 2002,
  SLOT_TAKEN: 2003,
  REJECT_FAILED: 2004,
  APPROVE_FAILED: 2005,
  CANCEL_FAILED: 2006,
  BAD_BOOKING_ID: 2007,
  ROOM_NOT_ALLOWED: 2008,
  MEETING_STATE: 2009,
  USER_SIGN_IN_NEEDED: 3001,
  NOT_A_MEMBER: 3002,
  OUTSIDE_OPEN_HOURS: 3003,
  IDENTITY_EXPIRED: 3004,
  NOT_AN_IMAGE: 4001,
  BAD_INPUT: 4002,
  RATE_LIMITED: 4003,
  SHEET_UPLOAD_FAILED: 4004,
  CROSS_SITE: 4005,
  ACCOUNT_TAKEN: 4006,
  PHONE_TAKEN: 4007,
  NOT_FOUND: 4040,
  SERVER_ERROR: 5000,
} as const satisfies Record<string, ErrorCode>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** The input field at fault, when there is one (the Open API names it). */
    readonly field?: string,
  ) {
    super(message ?? MESSAGES[code]);
    this.name = "AppError";
  }
}

/**
 * The response header in which the legacy adapter names `AppError.field` (the envelope itself stays {errcode, errmsg});
 * the pages' fetch client reads it so forms mark the field without parsing messages.
 */
export const FIELD_HEADER = "x-meeting-field";

/** 4002 with the legacy wording: `数据格式有误(<field>: <why>)`. */
export function badInput(field: string, why: string): AppError {
  return new AppError(E.BAD_INPUT, `数据格式有误(${field}: ${why})`, field);
}

/** 4040 naming the id that matched nothing (the Open API answers 71009–71013 by that field). */
export function notFound(field: string, what: string): AppError {
  return new AppError(E.NOT_FOUND, `${what}不存在(${field})`, field);
}

/** 3003 because a closure (维修, 考试周, 假期) covers the period: the legacy API answers 3003 naming the reason, the Open API its own code. */
export class ClosedError extends AppError {
  constructor(readonly reason: string) {
    super(E.OUTSIDE_OPEN_HOURS, `${MESSAGES[E.OUTSIDE_OPEN_HOURS]}（关闭：${reason}）`);
    this.name = "ClosedError";
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
