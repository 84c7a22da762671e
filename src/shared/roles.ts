// Staff roles (shared/API.md) and their Chinese names for the UI.

export const roles = ['admin', 'clerk', 'job_officer', 'reviewer', 'ui_officer', 'finance', 'leader', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  admin: '系统管理员',
  clerk: '经办员',
  job_officer: '职业介绍员',
  reviewer: '审核员',
  ui_officer: '失业保险经办员',
  finance: '财务',
  leader: '领导',
  auditor: '审计员',
};

/** Unit types of the service network (NET-1) and their Chinese names. */
export const unitTypes = {
  labour_bureau: '人力资源和社会保障局',
  employment_centre: '就业服务中心',
  ui_office: '失业保险经办机构',
  training_office: '职业培训机构',
  street_office: '街道(乡镇)劳动保障事务所',
  community_station: '社区(村)劳动保障工作站',
} as const;
export type UnitType = keyof typeof unitTypes;
