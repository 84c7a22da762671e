// Text messages to citizens. Messages are first written to an outbox in the transaction that
// decides to send them (the accounts module's table), so a message exists exactly when its reason
// does. Delivery is separate: with no gateway configured the outbox is the channel (counter staff
// of the recipient's region read a message out or print it); with OPENPES_SMS_WEBHOOK_URL set, a
// delivery run hands pending messages to the bureau's SMS gateway.

/** Something that can deliver one text message; throws when the gateway refuses it. */
export interface SmsGateway {
  /** A name for logs and the outbox ("webhook"). */
  name: string;
  send(phone: string, body: string): Promise<void>;
}

/**
 * A gateway reached by an HTTP POST of `{phone, body}` as JSON (the bureau's SMS platform or an
 * adapter in front of it); any answer other than 2xx is a failure. Requests time out after 10 s.
 */
export function webhookGateway(url: string, fetchImpl: typeof fetch = fetch): SmsGateway {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error('OPENPES_SMS_WEBHOOK_URL must be an http(s) URL');
  return {
    name: 'webhook',
    async send(phone, body) {
      const res = await fetchImpl(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone, body }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
