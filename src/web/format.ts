// Display formats of the UI: money from fen, parameter values by unit, times in Asia/Shanghai.

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

/** 2000000 fen → "20,000.00 元". */
export function formatFen(fen: number): string {
  return `${yuan.format(fen / 100)} 元`;
}

/** A parameter value with its unit: 分 as yuan, %, 月, 年, 周岁, 个; null as 未设置. */
export function formatParamValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '未设置';
  switch (unit) {
    case '分':
      return formatFen(value);
    case '%':
      return `${plain.format(value)}%`;
    case '月':
      return `${plain.format(value)} 个月`;
    default:
      return `${plain.format(value)} ${unit}`;
  }
}

/** Yuan as typed by a user → integer fen (no float residue: 0.1 + 0.2 yuan is 30 fen). */
export function yuanToFen(yuanAmount: number): number {
  return Math.round(yuanAmount * 100);
}

const shanghaiParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  return Object.fromEntries(shanghaiParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** An ISO timestamp as "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsOf(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's calendar date in Asia/Shanghai, "YYYY-MM-DD". */
export function shanghaiToday(now: Date = new Date()): string {
  const p = partsOf(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A scope prefix for people: '' is 全国, others show their code. */
export function scopeText(scope: string, regionName?: string | null): string {
  if (scope === '') return '全国';
  return regionName ? `${regionName}（${scope}）` : scope;
}

/** Audit actions in Chinese (the audit page and person histories); an unknown code shows as it is. */
export const actionNames: Record<string, string> = {
  create: '新建',
  update: '修改',
  login: '登录',
  change_password: '修改密码',
  reveal: '查看敏感信息',
  view: '查看',
  lookup: '按证件号查询',
  export: '导出',
  import: '导入',
  register: '登记',
  void: '作废',
  redate: '更正日期',
  issue: '发证',
  reissue: '补发',
  withdraw: '收回',
  review: '资格审核',
  check: '年审',
  apply: '申请',
  submit: '提交审核',
  close: '关闭',
  expire: '到期下架',
  outcome: '登记推荐结果',
  employer_feedback: '单位反馈',
  view_applicants: '查看应聘人员',
  self_update: '本人修改',
  issue_activation_code: '发放激活码',
  binding_failed: '绑定失败',
  add_booth: '添加展位',
  survey_return: '回收调查表',
  add_member: '添加家庭成员',
  remove_member: '移出家庭成员',
  detect: '认定零就业家庭',
  resolve: '解决',
  assign: '指定承办人',
  reassign: '更换责任人',
  add_measure: '添加帮扶措施',
  take_measure: '登记措施办理',
  place: '安置上岗',
  recognise: '认定',
  recognise_override: '越规认定（有理由）',
  revoke: '撤销',
  move: '迁移',
  approve: '批准',
  reject: '驳回',
  pay: '发放',
  stop: '停发',
  exit: '退出岗位',
  two_factor_enrol: '启用两步验证',
  two_factor_disable: '停用两步验证',
  two_factor_reset: '重置两步验证',
  two_factor_recovery_code_use: '使用恢复码登录',
  resume: '继续生成',
  build: '生成完毕',
  exhaust: '期满终止',
  bank_return: '登记银行回盘',
  reopen: '恢复享受待遇',
  withdraw_payment: '撤出停发月份',
  discard: '作废发放批次',
  post: '入账',
  request: '提请复核',
  reverse: '冲正',
  sign: '签订',
};

/** Audited record kinds in Chinese. */
export const entityNames: Record<string, string> = {
  unit: '机构',
  staff: '工作人员',
  param_value: '政策参数取值',
  region: '行政区划',
  person: '人员',
  registration: '就业失业登记',
  certificate: '就业失业登记证',
  policy_enjoyed: '享受优惠政策',
  household: '家庭',
  service_record: '服务记录',
  employer: '用人单位',
  employer_filing: '用工备案',
  vacancy: '岗位',
  vacancy_survey: '空岗调查',
  job_fair: '招聘会',
  referral: '推荐介绍',
  application: '求职申请',
  public_account: '公众账号',
  policy_notice: '政策公告',
  zero_employment_case: '零就业家庭个案',
  public_welfare_post: '公益性岗位',
  hard_to_employ_recognition: '就业困难人员认定',
  caseworker_assignment: '援助责任人',
  employment_plan_step: '个人就业计划',
  subsidy: '补贴申请',
  subsidy_run: '补贴发放批次',
  campaign: '专项活动',
  ui_contribution: '失业保险缴费记录',
  ui_claim: '失业保险金申领',
  ui_payment_run: '失业保险金发放批次',
  ui_fund_transfer: '失业保险基金划转',
  ui_claim_refusal: '拒不接受介绍记录',
  ui_enrolment: '失业保险参保登记',
  ui_follow_up: '扩面征缴跟进任务',
  ui_claim_caseworker: '失业保险经办人',
  ui_deferral_agreement: '缓发协议',
};

/** Whole years of age on a date ('YYYY-MM-DD' both). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** Calendar days from `from` to `to` ('YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days left to a deadline, or overdue, as the clerk reads it ("剩余 12 天", "已超期 3 天"). */
export function deadlineText(deadline: string, today = shanghaiToday()): string {
  const left = daysBetween(today, deadline);
  if (left < 0) return `已超期 ${-left} 天`;
  if (left === 0) return '今天到期';
  return `剩余 ${left} 天`;
}

/** Fen as yuan for a form field ("期望月薪 4500 元"); yuanToFen is the way back. */
export function fenToYuan(fen: number | null | undefined): number | undefined {
  return fen === null || fen === undefined ? undefined : fen / 100;
}
