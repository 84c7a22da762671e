// The composition rule of passwords, shared by the server (platform/passwords.ts, which also
// refuses common passwords and ones containing the username) and the web forms that check early.

/** Fewest characters of a password. */
export const passwordMinLength = 8;

/** Fewest kinds of character (lower-case, upper-case, digit, other) a password must mix. */
export const passwordMinClasses = 3;

/** How many of the four kinds of character (lower, upper, digit, other) the password has. */
export function characterClasses(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{Ll}\p{Lu}\p{N}]/u].filter((re) => re.test(password)).length;
}

/** The composition message, as the server and the forms say it. */
export const passwordClassesMessage = '密码须包含小写字母、大写字母、数字、符号中的至少三类';
