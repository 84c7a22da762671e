// SYS-3: the start-up message never prints a password that came from the environment.
import { describe, expect, it } from 'vitest';
import { loginHelp } from './loginHelp.js';

const boot = { firstStart: true, adminPassword: 'Secret-from-env-42', demoAccounts: [] };

describe('start-up message (SYS-3)', () => {
  it('SYS-3 prints a generated admin password once, on the first start', () => {
    expect(loginHelp('http://127.0.0.1:8080', 'pglite', boot, false)).toContain('Secret-from-env-42');
  });

  it('SYS-3 never prints the admin password given in OPENPES_ADMIN_PASSWORD', () => {
    const text = loginHelp('http://127.0.0.1:8080', 'pglite', boot, true);
    expect(text).not.toContain('Secret-from-env-42');
    expect(text).toContain('OPENPES_ADMIN_PASSWORD');
  });
});
