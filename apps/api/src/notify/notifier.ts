// The background notifier: every few seconds, one pass that announces new
// safeguarding flags and retries what failed (see notify-pass.ts). Started
// beside the background coder by the server that hosts the API.
import type { DatabaseHandle } from '@safer-voices/db';
import { type BackgroundLoop, startBackgroundLoop } from '../background-loop';
import { type Config, config as checkedConfig } from '../config';
import type { DeliveryConfig } from './deliver';
import { runNotificationPass } from './notify-pass';

/** Settings from the environment, as config.ts checked them (with their defaults): PUBLIC_URL, SMTP_URL, MAIL_FROM. */
export function deliveryConfigFromEnv(settings: Pick<Config, 'PUBLIC_URL' | 'SMTP_URL' | 'MAIL_FROM'> = checkedConfig()): DeliveryConfig {
  return {
    publicUrl: settings.PUBLIC_URL,
    smtpUrl: settings.SMTP_URL,
    mailFrom: settings.MAIL_FROM,
    timeoutMs: 10_000
  };
}

export type Notifier = BackgroundLoop;

export interface NotifierOptions {
  intervalMs?: number;
  config?: DeliveryConfig;
}

export function startNotifier(database: Pick<DatabaseHandle, 'db' | 'client'>, { intervalMs = 5000, config = deliveryConfigFromEnv() }: NotifierOptions = {}): Notifier {
  return startBackgroundLoop(async () => {
    try {
      await runNotificationPass(database, config);
    } catch (error) {
      // The database was busy or away: the next pass tries again, and nothing was marked sent.
      console.error('Notifying safeguarding leads failed', error);
    }
    return intervalMs;
  });
}
