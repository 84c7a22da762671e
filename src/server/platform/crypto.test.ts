import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSealer, hashPassword, loadMasterKey, mask, maskPhone, verifyPassword } from './crypto.js';

const sealer = createSealer(crypto.randomBytes(32));

describe('SYS-3 sealed personal data', () => {
  it('property: open(seal(x)) is x, and two seals of x differ', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (x) => {
        const a = sealer.seal('idNumber', x);
        expect(sealer.open('idNumber', a)).toBe(x);
        expect(sealer.seal('idNumber', x)).not.toBe(a);
      }),
      { numRuns: 50 },
    );
  });

  it('a ciphertext sealed for one field does not open as another', () => {
    const sealed = sealer.seal('phone', '13812345678');
    expect(() => sealer.open('bankAccount', sealed)).toThrow();
  });

  it('the blind index is deterministic, normalises case and space, and differs by key', () => {
    expect(sealer.blindIndex('idNumber', '14010519900101123x ')).toBe(sealer.blindIndex('idNumber', '14010519900101123X'));
    expect(createSealer(crypto.randomBytes(32)).blindIndex('idNumber', 'A')).not.toBe(sealer.blindIndex('idNumber', 'A'));
  });

  it('masks ID numbers and phones as shown on screen', () => {
    expect(mask('140105199001011235', 6, 4)).toBe('140105********1235');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('a generated key is written once with mode 0600 and read back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpes-key-'));
    const first = loadMasterKey(undefined, dir);
    expect(loadMasterKey(undefined, dir).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });

  it('passwords are hashed with scrypt and checked', () => {
    const stored = hashPassword('Secret123');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(verifyPassword('Secret123', stored)).toBe(true);
    expect(verifyPassword('Secret124', stored)).toBe(false);
  });
});
