// For the notifier's tests: real receivers on loopback (an HTTP server for
// webhooks, an SMTP server for e-mail), the organisation's targets, and a
// flag raised by the real coder.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { organisationSettings } from '@safer-voices/db';
import { SMTPServer } from 'smtp-server';
import { codeOutstanding } from '../coding/code-outstanding';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, jsonOf } from '../test/fresh-api';
import { demoOrganisationId } from '../test/staff';
import type { DeliveryConfig } from './deliver';

export const DISCLOSURE = 'my stepdad hits me when he has been drinking';

export const testConfig = (overrides: Partial<DeliveryConfig> = {}): DeliveryConfig => ({
  publicUrl: 'https://voices.example.org',
  smtpUrl: undefined,
  mailFrom: 'Safer Voices <alerts@voices.example.org>',
  timeoutMs: 2000,
  ...overrides
});

export interface WebhookRequest {
  method: string;
  contentType: string | undefined;
  headers: Record<string, string>;
  raw: string;
}

/** An HTTP receiver answering each request with the next status in `statuses` (the last one repeats). */
export async function webhookReceiver(statuses: number[] = [200]) {
  const received: WebhookRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      received.push({ method: req.method ?? '', contentType: req.headers['content-type'], headers, raw });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/safeguarding-hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

export interface ReceivedMail {
  from: string | undefined;
  to: string[];
  raw: string;
  subject: string;
  contentType: string;
  text: string;
}

/** `=E2=80=93` and the like as the UTF-8 text they spell. */
const fromQuotedBytes = (text: string) =>
  Buffer.from(
    text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1'
  ).toString('utf8');

/** Just enough MIME for the tests: unfolded headers, encoded-word subjects, a quoted-printable body. */
function decodeMail(raw: string) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  const subject = header('Subject')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, word: string) => fromQuotedBytes(word.replace(/_/g, ' ')));
  const text = /quoted-printable/i.test(header('Content-Transfer-Encoding')) ? fromQuotedBytes(body.replace(/=\r?\n/g, '')) : body;
  return { subject, contentType: header('Content-Type'), text: text.replace(/\r\n/g, '\n') };
}

/** An SMTP server on loopback that keeps every message it is given. */
export async function mailReceiver() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({ from: from ? from.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), raw, ...decodeMail(raw) });
        callback();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The demo organisation's notification targets, as if an admin saved them at `savedAt`. */
export async function setTargets(api: FreshApi, targets: { webhook?: string | null; email?: string | null; webhookSecret?: string | null }, savedAt = new Date(Date.now() - 1000)) {
  const organisationId = await demoOrganisationId(api);
  const values = { notifyWebhookUrl: targets.webhook ?? null, notifyEmail: targets.email ?? null, notifyWebhookSecret: targets.webhookSecret ?? null, updatedAt: savedAt };
  await api.database.db
    .insert(organisationSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: organisationSettings.organisationId, set: values });
  return organisationId;
}

/** A response that discloses harm, coded so that it is flagged; the flag's id. */
export async function raiseFlag(api: FreshApi): Promise<string> {
  const survey = await demoSurvey(api);
  const res = await submitWith(api, survey, { why_involved: DISCLOSURE });
  if (res.status !== 201) throw new Error(`The disclosure was not stored: ${res.status} ${await res.text()}`);
  const { id } = await jsonOf(res);
  await codeOutstanding(api.database);
  const flag = await api.database.client.execute({ sql: 'SELECT id FROM safeguarding_flags WHERE response_id = ?', args: [id] });
  if (!flag.rows[0]) throw new Error('The disclosure was not flagged');
  return String(flag.rows[0].id);
}

/** Earlier tests' flags are dealt with, so each test announces only its own. */
export async function clearQueue(api: FreshApi) {
  await api.database.client.batch(["UPDATE safeguarding_flags SET status = 'reviewed'", 'DELETE FROM notifications'], 'write');
}

export async function notificationsOf(api: FreshApi, flagId: string) {
  const rows = await api.database.client.execute({ sql: 'SELECT channel, status, attempts, last_error, sent_at, target FROM notifications WHERE flag_id = ? ORDER BY channel', args: [flagId] });
  return rows.rows.map((r) => ({ ...r }));
}
