// SYS-3 / JOB-7 (issue 11): which statements may run as the whole country's read-only role. A read
// taken for a write only runs slower; a write taken for a read would be refused by the database (the
// role has no write grant), so the rule errs toward "write" whenever a word could mean one.
import { describe, expect, it } from 'vitest';
import { isPlainRead } from './rowSecurity.js';

describe('SYS-3 statements that run as the whole-country reader', () => {
  it.each([
    'select "id" from "vacancies" where "vacancies"."search" @@ $1::tsquery limit $2',
    '  SELECT count(*)::int FROM (select 1 from "vacancies" limit $1) "hits"',
    '(select 1) union all (select 2)',
    'with "page" as (select "id" from "vacancies") select * from "page"',
    'EXPLAIN select 1',
    'explain (analyze, buffers) select 1',
    'select "updated_at", "deleted" from "persons"',
  ])('SYS-3 a plain read: %s', (text) => expect(isPlainRead(text)).toBe(true));

  it.each([
    'insert into "persons" ("id") values ($1)',
    'update "persons" set "name" = $1',
    'delete from "sessions" where "expires_at" < now()',
    'with moved as (delete from "sms_outbox" returning *) select count(*) from moved',
    'select "id" from "persons" where "id" = $1 for update',
    'select * from "certificate_counters" for no key update',
    'select * from "vacancies" for share',
    'select 1 into scratch',
    'explain analyze update "persons" set "name" = $1',
    'begin',
  ])('SYS-3 not a plain read: %s', (text) => expect(isPlainRead(text)).toBe(false));
});
