// SYS-3: the log holds no ID numbers, phones or names from URLs or database errors.
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { redactError, redactUrl } from './logRedaction.js';

describe('log redaction (SYS-3)', () => {
  it('SYS-3 blanks personal query values and keeps the path and other parameters', () => {
    expect(redactUrl('/api/v1/persons?q=%E5%BC%A0%E4%B8%89&page=2&regionCode=140105002003')).toBe(
      '/api/v1/persons?q=***&page=2&regionCode=140105002003',
    );
    expect(redactUrl('/api/v1/x?phone=13812345678&name=李四')).toBe('/api/v1/x?phone=***&name=***');
    expect(redactUrl('/api/v1/health')).toBe('/api/v1/health');
  });

  it("SYS-3 drops a failed query's parameters and PostgreSQL's quoted values, in message, stack and cause", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (phone)=(13812345678) already exists.',
    });
    cause.message += ' Key (phone)=(13812345678) already exists.';
    const err = new DrizzleQueryError('insert into persons values ($1, $2)', ['140105199001011235', '13812345678'], cause);
    const logged = JSON.stringify(redactError(err));
    expect(logged).not.toContain('140105199001011235');
    expect(logged).not.toContain('13812345678');
    expect(logged).toContain('insert into persons');
    expect(logged).toContain('23505');
  });
});
