// Every API-center path we call, exactly as seed 002 writes them (integrations §4.2), relative to CAMPUS_API_BASE.
// Most live under /api/apicenter/api; a path that starts with /api/ elsewhere is used as written.
import "server-only";

const C = "/api/apicenter/api";

export const CAMPUS_PATHS = {
  userInfo: `${C}/user/userinfo`,
  deptRoles: `${C}/user/deptRoles`,
  hasRole: `${C}/user/hasRole`,
  deptsByApp: `${C}/user/getAllDeptByApp`,
  depts: `${C}/user/getAllDept`,
  rolesByApp: `${C}/user/getAllRoleByApp`,
  addRoleBatch: `${C}/client/addRoleBatch`,
  menus: `${C}/client/menus`,
  addMenuBatch: `${C}/client/addMenuBatch`,
  updateMenuBatch: `${C}/client/updateMenuBatch`,
  channels: `${C}/message/channel/listAll`,
  noticePush: `${C}/notice/push`,
  fileAdd: `${C}/file/client/add`,
  fileDelete: `${C}/file/client/delete`,
  fileDownload: `${C}/file/client/download`,
  operlog: `${C}/operlog`,
  operlogList: `${C}/operlog/list`,
  rcInfo: `${C}/msg/rcInfo`,
  rcInfoDelete: `${C}/msg/rcInfo/delete`,
  rcInfoList: `${C}/msg/rcInfo/list`,
} as const;
