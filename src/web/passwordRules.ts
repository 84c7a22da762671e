// The server's password composition rule (src/shared/password.ts) as antd form rules, checked
// before sending; the common-password list and "contains the username" are the server's to answer.
import { characterClasses, passwordClassesMessage, passwordMinClasses, passwordMinLength } from '../shared/password.js';

/** Checks that a password mixes enough kinds of character. */
export const passwordClassesRule = {
  validator: (_: unknown, value: string | undefined) =>
    !value || characterClasses(value) >= passwordMinClasses ? Promise.resolve() : Promise.reject(new Error(passwordClassesMessage)),
};

/** Length and composition rules of a new password (add `required` where it must be given). */
export const newPasswordRules = [
  { min: passwordMinLength, message: `密码至少 ${passwordMinLength} 位` },
  { max: 128, message: '密码最多 128 位' },
  passwordClassesRule,
];

/** The hint under a new-password field. */
export const newPasswordHint = `至少 ${passwordMinLength} 位，含大写字母、小写字母、数字、符号中的至少三类；不能包含用户名，不能是常见密码`;
