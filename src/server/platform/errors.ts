// Errors are values with a code from one closed list, mapped to HTTP status in one place.

export const errorStatus = {
  VALIDATION_FAILED: 400,
  INVALID_ID_NUMBER: 400,
  INVALID_CREDIT_CODE: 400,
  INVALID_REGION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_JURISDICTION: 403,
  NOT_FOUND: 404,
  DUPLICATE_PERSON: 409,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const titles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '输入有误',
  INVALID_ID_NUMBER: '身份证号码无效',
  INVALID_CREDIT_CODE: '统一社会信用代码无效',
  INVALID_REGION: '行政区划代码无效',
  UNAUTHENTICATED: '未登录或登录已失效',
  FORBIDDEN: '无此操作权限',
  OUT_OF_JURISDICTION: '超出管辖范围',
  NOT_FOUND: '记录不存在',
  DUPLICATE_PERSON: '人员已登记',
  CONFLICT: '与现有记录冲突',
  IDEMPOTENCY_KEY_REUSED: '幂等键已用于其他请求',
  RULE_VIOLATION: '不符合政策规则',
  RATE_LIMITED: '尝试次数过多',
  INTERNAL: '系统内部错误',
};

/** One problem with one field of the input. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** A failure the client can act on; `detail` says what to do, in Chinese. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** RFC 9457 problem details body for an AppError. */
export function problemBody(err: AppError, instance?: string) {
  return {
    type: `https://openpes.org/problems/${err.code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[err.code],
    status: err.status,
    code: err.code,
    detail: err.detail,
    ...(instance ? { instance } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...(err.extra ?? {}),
  };
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或不在您的管辖范围内`);
export const forbidden = (detail = '您的角色无权执行此操作') => new AppError('FORBIDDEN', detail);
export const validation = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, code, message }]);
