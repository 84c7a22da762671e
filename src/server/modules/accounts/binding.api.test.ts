// Binding a public account to a ledger person or employer needs proof from a channel on record
// (JOB-7, SYS-2; issue 10 "account takeover"), on PGlite and on PostgreSQL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCreditCode,
  buildIdNumber,
  createDistrictPair,
  createEmployer,
  createPerson,
  createStaffMember,
} from '../../testing/factories.js';
import { webhookGateway } from '../../platform/sms.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clerk: { authorization: string };
let otherClerk: { authorization: string };
let clock = new Date('2026-11-23T04:00:00Z');
const post = (url: string, payload: object, headers?: Record<string, string>, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers, remoteAddress });
const get = (url: string, headers?: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
let phoneSerial = 0;
const newPhone = () => `1370000${String(++phoneSerial).padStart(4, '0')}`;
let addressSerial = 0;
/** A fresh client address, so the per-address limits of one test do not reach another. */
const newAddress = () => `10.0.0.${++addressSerial}`;

/** The newest text message in the outbox to a masked phone, as counter staff see it. */
async function lastMessageTo(maskedPhone: string): Promise<string | undefined> {
  const items = (await get('/sms-outbox?pageSize=100', clerk)).json().items as { phone: string; body: string }[];
  return items.find((m) => m.phone === maskedPhone)?.body;
}
const codeIn = (body: string | undefined) => body?.match(/验证码 (\d{6})/)?.[1];

async function ledgerPerson(phone: string | null = newPhone()) {
  const idNumber = buildIdNumber({ birthDate: '1990-05-05' });
  const person = await createPerson(t, clerk, { idNumber, name: '孙自助', ...(phone ? { phone } : {}) });
  return { ...person, idNumber, phone };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const pair = await createDistrictPair(t);
  clerk = pair.home.auth;
  otherClerk = pair.other.auth;
});
afterAll(() => t.close());

describe('JOB-7 binding a seeker account needs a code from the ledger phone or the counter', () => {
  it('JOB-7 a name and ID number alone no longer bind an account', async () => {
    const p = await ledgerPerson();
    const bare = await post('/public/accounts/seekers', { phone: newPhone(), password: 'Seek12345', idNumber: p.idNumber, name: p.name });
    expect(bare.statusCode).toBe(400);
    const guessed = await post(
      '/public/accounts/seekers',
      { phone: newPhone(), password: 'Seek12345', idNumber: p.idNumber, name: p.name, code: '123456' },
      undefined,
      newAddress(),
    );
    expect(guessed.statusCode).toBe(422);
    expect(guessed.json().errors).toEqual([expect.objectContaining({ path: '/code', code: 'INVALID_CODE' })]);
  });

  it('JOB-7 the answers to a code request and to a registration are the same whether or not the person is in the ledger', async () => {
    const p = await ledgerPerson();
    const stranger = buildIdNumber({ birthDate: '1991-01-01' });
    const from = newAddress();
    const answers = await Promise.all(
      [
        { idNumber: p.idNumber, name: p.name },
        { idNumber: p.idNumber, name: '别人' },
        { idNumber: stranger, name: p.name },
      ].map(async (who) => post('/public/accounts/seekers/codes', who, undefined, from)),
    );
    for (const a of answers) {
      expect(a.statusCode).toBe(202);
      expect(a.json()).toEqual(answers[0]!.json());
    }
    const attempts = await Promise.all(
      [p.idNumber, stranger].map((idNumber) =>
        post(
          '/public/accounts/seekers',
          { phone: newPhone(), password: 'Seek12345', idNumber, name: p.name, code: '000000' },
          undefined,
          newAddress(),
        ),
      ),
    );
    expect(attempts.map((a) => a.statusCode)).toEqual([422, 422]);
    expect(attempts[0]!.json()).toEqual({ ...attempts[1]!.json() });
  });

  it('JOB-7 the code goes to the phone in the ledger (the outbox counter staff read), works once, and not after it expires', async () => {
    const p = await ledgerPerson();
    const masked = `${p.phone!.slice(0, 3)}****${p.phone!.slice(7)}`;
    expect((await post('/public/accounts/seekers/codes', { idNumber: p.idNumber, name: p.name }, undefined, newAddress())).statusCode).toBe(
      202,
    );
    const code = codeIn(await lastMessageTo(masked));
    expect(code).toMatch(/^\d{6}$/);
    expect((await get('/sms-outbox', otherClerk)).json().items.map((m: { phone: string }) => m.phone)).not.toContain(masked);

    const loginPhone = newPhone();
    const registered = await post('/public/accounts/seekers', {
      phone: loginPhone,
      password: 'Seek12345',
      idNumber: p.idNumber,
      name: p.name,
      code,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json().account.seeker.name).toBe(p.name);
    const again = await post('/public/accounts/seekers', {
      phone: newPhone(),
      password: 'Seek12345',
      idNumber: p.idNumber,
      name: p.name,
      code,
    });
    expect(again.statusCode).toBe(422);

    const q = await ledgerPerson();
    await post('/public/accounts/seekers/codes', { idNumber: q.idNumber, name: q.name }, undefined, newAddress());
    const late = codeIn(await lastMessageTo(`${q.phone!.slice(0, 3)}****${q.phone!.slice(7)}`));
    clock = new Date(clock.getTime() + 11 * 60 * 1000);
    const outbox = (await get('/sms-outbox?pageSize=100', clerk)).json().items as { phone: string; status: string }[];
    expect(outbox.find((m) => m.phone === `${q.phone!.slice(0, 3)}****${q.phone!.slice(7)}`)!.status).toBe('expired');
    const expired = await post('/public/accounts/seekers', {
      phone: newPhone(),
      password: 'Seek12345',
      idNumber: q.idNumber,
      name: q.name,
      code: late!,
    });
    expect(expired.statusCode).toBe(422);
  });

  it('JOB-7 a counter activation code binds a person without a phone; a clerk of another district gets 404', async () => {
    const p = await ledgerPerson(null);
    expect((await post(`/persons/${p.id}/activation-code`, {}, otherClerk)).statusCode).toBe(404);
    const viewer = await createStaffMember(t, { regionCode: '140105000000', roles: ['auditor'] });
    expect((await post(`/persons/${p.id}/activation-code`, {}, viewer.auth)).statusCode).toBe(403);
    const first = await post(`/persons/${p.id}/activation-code`, {}, clerk);
    expect(first.statusCode).toBe(201);
    const issued = await post(`/persons/${p.id}/activation-code`, {}, clerk);
    expect(issued.json()).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/), name: p.name });
    const superseded = await post(
      '/public/accounts/seekers',
      { phone: newPhone(), password: 'Seek12345', idNumber: p.idNumber, name: p.name, code: first.json().code },
      undefined,
      newAddress(),
    );
    expect(superseded.statusCode).toBe(422);
    const bound = await post('/public/accounts/seekers', {
      phone: newPhone(),
      password: 'Seek12345',
      idNumber: p.idNumber,
      name: p.name,
      code: issued.json().code.toLowerCase(),
    });
    expect(bound.statusCode, bound.body).toBe(201);
    const audit = (
      await get(`/audit?entityId=${p.id}`, (await createStaffMember(t, { regionCode: '140100000000', roles: ['auditor'] })).auth)
    ).json();
    expect(JSON.stringify(audit)).not.toContain(issued.json().code);
  });

  it('JOB-7 wrong codes spend the live codes after five tries and lock the client address out for a while', async () => {
    const p = await ledgerPerson(null);
    const { code } = (await post(`/persons/${p.id}/activation-code`, {}, clerk)).json();
    for (let i = 0; i < 5; i++) {
      const wrong = await post(
        '/public/accounts/seekers',
        { phone: newPhone(), password: 'Seek12345', idNumber: p.idNumber, name: p.name, code: `WRONG${i}AA` },
        undefined,
        newAddress(),
      );
      expect(wrong.statusCode).toBe(422);
    }
    const right = await post(
      '/public/accounts/seekers',
      { phone: newPhone(), password: 'Seek12345', idNumber: p.idNumber, name: p.name, code },
      undefined,
      newAddress(),
    );
    expect(right.statusCode).toBe(422);

    const from = newAddress();
    for (let i = 0; i < 5; i++)
      await post(
        '/public/accounts/seekers',
        { phone: newPhone(), password: 'Seek12345', idNumber: p.idNumber, name: p.name, code: '111111' },
        undefined,
        from,
      );
    expect(
      (
        await post(
          '/public/accounts/seekers',
          { phone: newPhone(), password: 'Seek12345', idNumber: p.idNumber, name: p.name, code: '111111' },
          undefined,
          from,
        )
      ).statusCode,
    ).toBe(429);
  });

  it("JOB-7 a citizen's phone gets at most three codes a window, and one address cannot keep asking", async () => {
    const p = await ledgerPerson();
    const masked = `${p.phone!.slice(0, 3)}****${p.phone!.slice(7)}`;
    for (let i = 0; i < 5; i++)
      await post('/public/accounts/seekers/codes', { idNumber: p.idNumber, name: p.name }, undefined, newAddress());
    const sent = (await get('/sms-outbox?pageSize=100', clerk)).json().items.filter((m: { phone: string }) => m.phone === masked);
    expect(sent).toHaveLength(3);
    const from = newAddress();
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push((await post('/public/accounts/seekers/codes', { idNumber: p.idNumber, name: p.name }, undefined, from)).statusCode);
    expect(answers.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(answers[10]).toBe(429);
  });

  it('JOB-7 a seeker edits only their own job wishes, never the ledger facts staff recorded', async () => {
    const p = await ledgerPerson(null);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${p.id}`,
      headers: clerk,
      payload: { education: '高中', skills: ['电工'] },
    });
    const { code } = (await post(`/persons/${p.id}/activation-code`, {}, clerk)).json();
    const { token } = (
      await post('/public/accounts/seekers', { phone: newPhone(), password: 'Seek12345', idNumber: p.idNumber, name: p.name, code })
    ).json();
    const edited = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/public/me/profile',
      headers: { authorization: `Bearer ${token}` },
      payload: { education: '博士', skills: ['外科医生'], jobWishes: { keywords: ['电工'] } },
    });
    expect(edited.statusCode).toBeLessThan(500);
    const ledger = (await get(`/persons/${p.id}`, clerk)).json();
    expect(ledger).toMatchObject({ education: '高中', skills: ['电工'] });
  });
});

describe('JOB-7 binding an employer account to a registered employer', () => {
  it('JOB-7 needs a code sent to the contact phone on record; the credit code and public name are not enough', async () => {
    const contactPhone = newPhone();
    const employer = await createEmployer(t, clerk, { contactPhone });
    const body = { phone: newPhone(), password: 'Boss12345', creditCode: employer.creditCode, employerName: employer.name };
    const bare = await post('/public/accounts/employers', body, undefined, newAddress());
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors).toEqual([expect.objectContaining({ path: '/code', code: 'CODE_REQUIRED' })]);
    expect((await post('/public/accounts/employers', { ...body, code: '654321' }, undefined, newAddress())).statusCode).toBe(422);

    expect(
      (
        await post(
          '/public/accounts/employers/codes',
          { creditCode: employer.creditCode, employerName: employer.name },
          undefined,
          newAddress(),
        )
      ).statusCode,
    ).toBe(202);
    const code = codeIn(await lastMessageTo(`${contactPhone.slice(0, 3)}****${contactPhone.slice(7)}`));
    const bound = await post('/public/accounts/employers', { ...body, code });
    expect(bound.statusCode, bound.body).toBe(201);
    expect(bound.json().account.employer.id).toBe(employer.id);
    expect((await post(`/employers/${employer.id}/activation-code`, {}, otherClerk)).statusCode).toBe(404);
  });

  it('JOB-7 a new employer still registers itself without a code', async () => {
    const res = await post('/public/accounts/employers', {
      phone: newPhone(),
      password: 'Boss12345',
      creditCode: buildCreditCode(),
      employerName: '太原新开张有限公司',
      regionCode: '140105001001',
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('JOB-7 an SMS gateway plugs in by configuration', () => {
  const received: { phone: string; body: string }[] = [];
  let arrived!: () => void;
  const delivered = new Promise<void>((resolve) => (arrived = resolve));
  const gateway = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(data) as { phone: string; body: string });
      res.end('ok');
      arrived();
    });
  });
  let g: TestApp;
  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
    g = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z'), deps: { sms: webhookGateway(url) } });
  });
  afterAll(async () => {
    await g?.close();
    gateway.close();
  });

  it('JOB-7 with a webhook gateway the code is posted to the phone on record and marked sent', async () => {
    const home = (await createDistrictPair(g)).home.auth;
    const phone = '13700009999';
    const idNumber = buildIdNumber({ birthDate: '1992-02-02' });
    await createPerson(g, home, { idNumber, name: '周短信', phone });
    const asked = await g.app.inject({
      method: 'POST',
      url: '/api/v1/public/accounts/seekers/codes',
      payload: { idNumber, name: '周短信' },
    });
    expect(asked.statusCode).toBe(202);
    await delivered;
    expect(received).toEqual([{ phone, body: expect.stringMatching(/验证码 \d{6}/) }]);
    await expect
      .poll(async () => (await g.app.inject({ method: 'GET', url: '/api/v1/sms-outbox', headers: home })).json().items[0].status)
      .toBe('sent');
  });
});
