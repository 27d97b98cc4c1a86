// Sending one announcement: a signed webhook POST or a plain-text e-mail.
// What they say is in messages.ts.
import nodemailer from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import type { Email } from './messages';

export interface DeliveryConfig {
  /** The site's address as staff reach it, for links (PUBLIC_URL). */
  publicUrl: string;
  /** smtp://host:25, smtps://user:pass@host:465 … (SMTP_URL); without it e-mails cannot be sent. */
  smtpUrl: string | undefined;
  mailFrom: string;
  timeoutMs: number;
}

/** The same notice keeps its id through retries, so a receiver can tell a repeat from a new one. */
export interface WebhookDelivery {
  id: string;
  /** Signs the notice (Standard Webhooks); without one it goes unsigned. */
  secret: string | null;
}

/**
 * Standard Webhooks headers: webhook-id, webhook-timestamp and, with a
 * secret, webhook-signature, which a receiver checks with any Standard
 * Webhooks library (https://www.standardwebhooks.com/).
 */
export function webhookHeaders(delivery: WebhookDelivery, body: string, now = new Date()): Record<string, string> {
  const headers: Record<string, string> = { 'webhook-id': delivery.id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)) };
  if (delivery.secret) headers['webhook-signature'] = new Webhook(delivery.secret).sign(delivery.id, now, body);
  return headers;
}

/** Resolves when the receiver answers 2xx; anything else throws with what went wrong. */
export async function postWebhook(target: string, payload: object, delivery: WebhookDelivery, config: DeliveryConfig): Promise<void> {
  const body = JSON.stringify(payload);
  let res: Response;
  try {
    res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'SaferVoices-Notifier/1', ...webhookHeaders(delivery, body) },
      body,
      // A redirect could lead anywhere; the address set is the one used.
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs)
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${config.timeoutMs / 1000} seconds` : describe(error);
    throw new Error(`The webhook could not be reached: ${reason}`);
  }
  await res.body?.cancel();
  if (res.status < 200 || res.status > 299) throw new Error(`The webhook answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

export async function sendEmail(to: string, email: Email, config: DeliveryConfig): Promise<void> {
  if (!config.smtpUrl) throw new Error('No mail server is set up: set SMTP_URL (e.g. smtp://mail.example.org:25)');
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs
  });
  try {
    await transport.sendMail({ from: config.mailFrom, to, subject: email.subject, text: email.text });
  } catch (error) {
    throw new Error(`The e-mail could not be sent: ${describe(error)}`);
  } finally {
    transport.close();
  }
}
