import { describe, expect, it } from 'vitest';
import { loadConfig, requestLimitDefaults, requestLimitsOf, requireTwoFactorRolesOf } from './config.js';

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

describe('SYS-2 request-rate limits are configuration (OPENPES_RATE_LIMITS)', () => {
  it('SYS-2 unset: the documented defaults; set: the limits named, the others unchanged', () => {
    expect(loadConfig({}).requestLimits).toEqual(requestLimitDefaults);
    const limits = requestLimitsOf('login=200/1m, letter=60/15m,signUp=5/2h');
    expect(limits.login).toEqual({ max: 200, windowMs: 60_000 });
    expect(limits.letter).toEqual({ max: 60, windowMs: 15 * 60_000 });
    expect(limits.signUp).toEqual({ max: 5, windowMs: 2 * 3_600_000 });
    expect(limits.letterCode).toEqual(requestLimitDefaults.letterCode);
  });

  it('SYS-2 an unknown limit, a malformed value or a zero count stops the start', () => {
    expect(() => requestLimitsOf('logins=5/1m')).toThrow(/unknown limit "logins"/);
    expect(() => requestLimitsOf('login=5 per minute')).toThrow(/name=count\/duration/);
    expect(() => requestLimitsOf('login=0/1m')).toThrow(/at least 1/);
  });
});
