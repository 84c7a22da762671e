import { describe, expect, it } from 'vitest';
import { loadConfig, requireTwoFactorRolesOf } from './config.js';

describe('SYS-2 the roles that must use two-factor sign-in (OPENPES_REQUIRE_2FA_ROLES)', () => {
  it('SYS-2 unset: admin and auditor in a real installation, none in the demo', () => {
    expect(loadConfig({ OPENPES_DEMO: '0' }).requireTwoFactorRoles).toEqual(['admin', 'auditor']);
    expect(loadConfig({}).requireTwoFactorRoles).toEqual([]);
  });

  it('SYS-2 set: the roles listed, "none" or empty for none; an unknown role stops the start', () => {
    expect(requireTwoFactorRolesOf({ OPENPES_REQUIRE_2FA_ROLES: 'admin, finance' }, true)).toEqual(['admin', 'finance']);
    expect(requireTwoFactorRolesOf({ OPENPES_REQUIRE_2FA_ROLES: 'none' }, false)).toEqual([]);
    expect(requireTwoFactorRolesOf({ OPENPES_REQUIRE_2FA_ROLES: '' }, false)).toEqual([]);
    expect(() => requireTwoFactorRolesOf({ OPENPES_REQUIRE_2FA_ROLES: 'admn' }, false)).toThrow(/admn/);
  });
});

describe('JOB-2 when the nightly vacancy expiry runs (OPENPES_VACANCY_EXPIRY_CRON)', () => {
  it('JOB-2 unset: ten past midnight every day; set: the pattern given; a pattern croner cannot read stops the start', () => {
    expect(loadConfig({}).vacancyExpiryCron).toBe('10 0 * * *');
    expect(loadConfig({ OPENPES_VACANCY_EXPIRY_CRON: '30 1 * * *' }).vacancyExpiryCron).toBe('30 1 * * *');
    expect(() => loadConfig({ OPENPES_VACANCY_EXPIRY_CRON: '每天凌晨' })).toThrow(/OPENPES_VACANCY_EXPIRY_CRON/);
  });
});
