import { describe, expect, it } from 'vitest';
import { factoryPassword } from '../testing/factories.js';
import { testAdminPassword } from '../testing/testApp.js';
import { foldPassword, generatePassword, isCommonPassword, passwordProblem } from './passwords.js';

describe('SYS-3 weak passwords are refused (issue 10, OWASP ASVS V6.2)', () => {
  it.each([
    ['Ab1!xyz', '密码至少 8 位'],
    ['abcdefgh1', '至少三类'],
    ['ABCDEFGH1', '至少三类'],
    ['abcdEFGH', '至少三类'],
    ['12345678!', '至少三类'],
  ])('SYS-3 %s is refused for length or fewer than three kinds of character', (password, reason) => {
    expect(passwordProblem(password)).toContain(reason);
  });

  it.each([
    'P@ssw0rd',
    'Password1',
    'Password123!',
    'Aa123456',
    'Aa123456.',
    'Woaini1314',
    'Zhang123',
    '1qaz@WSX',
    '1Qaz2wsx!',
    'Admin@123',
    'Qwer1234!',
  ])('SYS-3 the common password %s (or a case, leet or punctuation variant of one) is refused', (password) => {
    expect(passwordProblem(password)).toBe('该密码过于常见，容易被猜中，请换一个');
  });

  it('SYS-3 a password containing the username or the phone, in any case, is refused', () => {
    expect(passwordProblem('Xiaodian_Clerk9', ['xiaodian_clerk'])).toBe('密码不能包含用户名或手机号');
    expect(passwordProblem('Tel13903519999x', ['pingyang', '13903519999'])).toBe('密码不能包含用户名或手机号');
    // A very short username is not searched for (it would refuse half of all passwords).
    expect(passwordProblem('Liu#Strong82', ['li'])).toBeNull();
  });

  it('SYS-3 strong passwords pass, including the test and demo passwords used across the suite', () => {
    for (const p of ['Zq7#mountain', 'Taiyuan-Bureau-88', testAdminPassword, factoryPassword, 'Seek12345', 'Clerk12345', 'Pingyang2024'])
      expect(passwordProblem(p, ['xiaodian_admin']), p).toBeNull();
  });

  it('SYS-3 folding maps case and the common substitutions to one form', () => {
    expect(foldPassword('P@$$w0rd!')).toBe('passwordi');
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('Zq7#mountain')).toBe(false);
  });
});

describe('SYS-3 a generated first password meets the rules it will be held to', () => {
  it('SYS-3 every generated password passes passwordProblem (the first start gives it to every demo account)', () => {
    for (let i = 0; i < 2_000; i++) expect(passwordProblem(generatePassword(['admin']), ['admin'])).toBeNull();
  });
});
