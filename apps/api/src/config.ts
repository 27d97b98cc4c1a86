// Every environment variable the API reads, checked once at boot: a bad value
// stops the server with a message naming the variable and the value, rather
// than surfacing later as a strange failure. Pass an env object to parse
// something other than process.env (tests do). Code that needs a setting asks
// config(), never process.env: it is parsed on first use (the standalone
// server and the web's init call it at boot) and kept.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((s) => s || undefined)
  .optional();

const headerName = (name: string) =>
  optionalText.refine((v) => v === undefined || /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(v), {
    message: `${name} must be an HTTP header name, like x-forwarded-for`
  });

const port = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return 3001;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > 65535) {
      ctx.addIssue({ code: 'custom', message: 'PORT must be a whole number from 1 to 65535' });
      return z.NEVER;
    }
    return n;
  });

const url = (name: string) => optionalText.refine((v) => v === undefined || URL.canParse(v), { message: `${name} must be a URL` });

export const ConfigSchema = z.object({
  /** libSQL database: file:… for an embedded one, libsql://… or http(s)://… for a server. Default: .data/safer-voices.db in the workspace. */
  DATABASE_URL: url('DATABASE_URL'),
  /** Token for a remote libSQL server. */
  DATABASE_AUTH_TOKEN: optionalText,
  PORT: port,
  HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
  /** Base address of the web app, used in links in e-mails. */
  PUBLIC_URL: url('PUBLIC_URL').transform((v) => v ?? 'http://localhost:3000'),
  /** smtp:// or smtps:// address of the mail server; without it, notifications are logged, not sent. */
  SMTP_URL: url('SMTP_URL'),
  MAIL_FROM: optionalText.transform((v) => v ?? 'Safer Voices <safer-voices@localhost>'),
  /** 'off' to run no background coder or notifier in this process. */
  BACKGROUND_WORK: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v === 'on' || v === 'off', { message: "BACKGROUND_WORK must be 'on' or 'off'" })
    .transform((v) => v !== 'off'),
  /** Header a trusted proxy sets to the client's address (e.g. x-forwarded-for); unset, the socket address is used. */
  ADDRESS_HEADER: headerName('ADDRESS_HEADER'),
  /** Header a trusted proxy sets to the original protocol (e.g. x-forwarded-proto). */
  PROTOCOL_HEADER: headerName('PROTOCOL_HEADER'),
  /** Header a trusted proxy sets to the original host (e.g. x-forwarded-host). */
  HOST_HEADER: headerName('HOST_HEADER')
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

type Environment = Record<string, string | undefined>;

function parseWith<T extends z.ZodType>(schema: T, env: Environment): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.message}; got '${env[String(i.path[0])]}'`);
  throw new ConfigError(`Configuration problem:\n  ${lines.join('\n  ')}`);
}

/** The configuration from `env`, or a ConfigError listing every bad variable. */
export function parseConfig(env: Environment = process.env): Config {
  return parseWith(ConfigSchema, env);
}

const DatabaseConfigSchema = ConfigSchema.pick({ DATABASE_URL: true, DATABASE_AUTH_TOKEN: true });

/**
 * DATABASE_URL and DATABASE_AUTH_TOKEN alone, checked the same way: for the
 * scripts, which need nothing else, and for the web server, which opens the
 * database as its code loads, before its init checks and reports the rest.
 */
export function databaseConfig(env: Environment = process.env): z.infer<typeof DatabaseConfigSchema> {
  return parseWith(DatabaseConfigSchema, env);
}

let current: Config | undefined;

/** The configuration from process.env, parsed on first use and kept; a ConfigError if a variable is bad. */
export function config(): Config {
  current ??= parseConfig();
  return current;
}

/** Forget the kept configuration, so the next config() reads process.env again: for tests that change a variable. */
export function resetConfig(): void {
  current = undefined;
}
