// Which new passwords are refused (issue 10, OWASP ASVS V6.2): too short, fewer than three kinds
// of character, one of the most common passwords or a trivial variant of one, or containing the
// account's own username or phone. Used wherever a password is set: staff creation, an admin's
// reset, a staff member's own change and public account sign-up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { characterClasses, passwordClassesMessage, passwordMinClasses, passwordMinLength } from '../../shared/password.js';

/** Security settings of passwords (not policy figures). */
export const passwordRules = {
  minLength: passwordMinLength,
  /** Of lower-case letters, upper-case letters, digits and other characters. */
  minCharacterClasses: passwordMinClasses,
  /** An identity (username, phone) shorter than this is not searched for in the password. */
  minIdentityLength: 3,
};

/** Common letter substitutions folded before comparing with the list ("P@ssw0rd" is "password"). */
const substitutions: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };

/** Folds case and common substitutions, so variants of one password compare equal. */
export function foldPassword(password: string): string {
  return [...password.toLowerCase()].map((c) => substitutions[c] ?? c).join('');
}

/** The list of common passwords (commonPasswords.txt beside this file), folded. */
const commonPasswords: ReadonlySet<string> = new Set(
  fs
    .readFileSync(new URL('./commonPasswords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map(foldPassword),
);

/** True when the password, or it without leading or trailing punctuation, is on the common list after folding. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const candidates = [lower, lower.replace(/[^\p{L}\p{N}]+$/u, ''), lower.replace(/^[^\p{L}\p{N}]+/u, '')];
  return candidates.some((c) => c && commonPasswords.has(foldPassword(c)));
}

/**
 * Checks that a new password is acceptable; returns the reason (in Chinese, saying what to do) when
 * it is not. `identities` are the account's username, phone and the like, which it must not contain.
 */
export function passwordProblem(password: string, identities: readonly (string | null | undefined)[] = []): string | null {
  if (password.length < passwordRules.minLength) return `密码至少 ${passwordRules.minLength} 位`;
  if (characterClasses(password) < passwordRules.minCharacterClasses) return passwordClassesMessage;
  const lower = password.toLowerCase();
  const contained = identities.some((id) => {
    const own = id?.trim().toLowerCase();
    return !!own && own.length >= passwordRules.minIdentityLength && lower.includes(own);
  });
  if (contained) return '密码不能包含用户名或手机号';
  if (isCommonPassword(password)) return '该密码过于常见，容易被猜中，请换一个';
  return null;
}

/**
 * A random password (12 characters of base64url, 72 bits) that passes passwordProblem: a draw
 * short of the character classes the rules ask for is drawn again (about one in ten is).
 */
export function generatePassword(identities: readonly string[] = []): string {
  for (;;) {
    const password = crypto.randomBytes(9).toString('base64url');
    if (!passwordProblem(password, identities)) return password;
  }
}
