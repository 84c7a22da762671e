// Sealed personal data (SYS-3, DESIGN idea 6): AES-256-GCM ciphertext plus a keyed HMAC blind
// index for exact look-up and uniqueness. Both keys are derived from one master key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a sealed value is; besides personal identifiers, staff members' TOTP secrets (platform/twoFactor.ts) and binding codes' keyed hashes. */
export type PiiField = 'idNumber' | 'phone' | 'bankAccount' | 'bindingCode' | 'totpSecret';

export interface Sealer {
  /** Encrypts a value; the field name is bound as associated data so ciphertexts cannot be swapped. */
  seal(field: PiiField, plain: string): string;
  /** Decrypts what `seal` produced for the same field. */
  open(field: PiiField, sealed: string): string;
  /** Deterministic keyed hash of the normalised value, for equality look-ups. */
  blindIndex(field: PiiField, plain: string): string;
}

/** Builds a sealer from a 32-byte master key. */
export function createSealer(masterKey: Buffer): Sealer {
  if (masterKey.length !== 32) throw new Error('OPENPES_SECRET_KEY must be 32 bytes (base64)');
  const derive = (label: string) => Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), label, 32));
  const encKey = derive('openpes/pii/aes-256-gcm');
  const indexKey = derive('openpes/pii/blind-index');
  return {
    seal(field, plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(field, sealed) {
      const raw = Buffer.from(sealed.replace(/^v1\./, ''), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(field, plain) {
      return crypto.createHmac('sha256', indexKey).update(`${field}:${plain.trim().toUpperCase()}`).digest('base64url');
    },
  };
}

/**
 * The master key: OPENPES_SECRET_KEY if given, else a key generated once into the data dir
 * (mode 0600) and read back on every later start.
 */
export function loadMasterKey(secretKey: string | undefined, dataDir: string): Buffer {
  if (secretKey) return Buffer.from(secretKey, 'base64');
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** Masks all but the first `head` and last `tail` characters: 140105********1235. */
export function mask(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/** Masks a phone number as 138****5678. */
export const maskPhone = (phone: string) => mask(phone, 3, 4);

const scryptParams = { N: 16384, r: 8, p: 1 } as const;

/** Hashes a password with scrypt and a random salt. */
export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password, salt, 32, scryptParams);
  return `scrypt$${scryptParams.N}$${scryptParams.r}$${scryptParams.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Checks a password against a stored scrypt hash in constant time. */
export function verifyPassword(password: string, stored: string): boolean {
  const [algo, n, r, p, salt, hash] = stored.split('$');
  if (algo !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(expected, actual);
}

/** SHA-256 hex of a string. */
export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
