// What the web app reads from the environment: the API's settings (it runs
// the API in-process), checked by the API's own schema, and the web's own.
// server.js reads PORT, HOST, BODY_SIZE_LIMIT and PROTOCOL_HEADER before this
// code loads, and checks them itself.
import { type Config, ConfigError, parseConfig } from '@safer-voices/api/config';

export { ConfigError };

export interface WebConfig extends Config {
  /** Where "Exit this page" sends a respondent: a neutral site. */
  EXIT_URL: string;
  /** Whom the public contact about the site itself (the accessibility statement gives it); empty when not set. */
  SITE_CONTACT: string;
}

const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

export function parseWebConfig(env: Record<string, string | undefined> = process.env): WebConfig {
  const problems: string[] = [];
  let api: Config | undefined;
  try {
    api = parseConfig({ ...env, PORT: env.PORT || '3000' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(
      ...error.message
        .split('\n')
        .slice(1)
        .map((line) => line.trim())
    );
  }
  const exitUrl = env.EXIT_URL?.trim() || DEFAULT_EXIT_URL;
  if (!/^https?:\/\//.test(exitUrl) || !URL.canParse(exitUrl)) problems.push(`EXIT_URL must be an http or https address; got '${env.EXIT_URL}'`);
  if (problems.length > 0 || !api) throw new ConfigError(`Configuration problem:\n  ${problems.join('\n  ')}`);
  return { ...api, EXIT_URL: exitUrl, SITE_CONTACT: env.SITE_CONTACT?.trim().slice(0, 300) ?? '' };
}

let parsed: WebConfig | undefined;
/** Parsed once, on first use (the server's init calls it at boot). */
export const webConfig = (): WebConfig => {
  parsed ??= parseWebConfig();
  return parsed;
};
