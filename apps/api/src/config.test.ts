// The API's configuration: defaults when nothing is set, a clear refusal
// naming the variable and the value when something is wrong, and a server
// that will not start on a bad value.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backgroundWorkWanted } from './background-work';
import { config, databaseConfig, parseConfig, resetConfig } from './config';
import { deliveryConfigFromEnv } from './notify/notifier';

describe('parseConfig', () => {
  it('accepts an empty environment with the defaults', () => {
    expect(parseConfig({})).toMatchObject({ PORT: 3001, HOST: '127.0.0.1', PUBLIC_URL: 'http://localhost:3000', BACKGROUND_WORK: true, MAIL_FROM: 'Safer Voices <safer-voices@localhost>' });
  });

  it('refuses bad values, naming each variable and its value', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow("PORT must be a whole number from 1 to 65535; got 'abc'");
    expect(() => parseConfig({ PORT: '70000' })).toThrow("got '70000'");
    expect(() => parseConfig({ BACKGROUND_WORK: 'no' })).toThrow("BACKGROUND_WORK must be 'on' or 'off'; got 'no'");
    expect(() => parseConfig({ PUBLIC_URL: 'not a url' })).toThrow("PUBLIC_URL must be a URL; got 'not a url'");
    expect(() => parseConfig({ ADDRESS_HEADER: 'x forwarded' })).toThrow('ADDRESS_HEADER must be an HTTP header name');
  });

  it('checks the database settings alone for the scripts and the web server as it loads, leaving the rest to the full check', () => {
    expect(databaseConfig({ DATABASE_URL: 'file:/tmp/x.db', DATABASE_AUTH_TOKEN: ' ', PORT: 'abc' })).toEqual({ DATABASE_URL: 'file:/tmp/x.db', DATABASE_AUTH_TOKEN: undefined });
    expect(databaseConfig({})).toEqual({ DATABASE_URL: undefined, DATABASE_AUTH_TOKEN: undefined });
    expect(() => databaseConfig({ DATABASE_URL: 'not a url' })).toThrow("DATABASE_URL must be a URL; got 'not a url'");
  });

  it('stops the standalone server with that message', () => {
    const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: apiDir, env: { ...process.env, PORT: 'abc', BACKGROUND_WORK: 'off' }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("PORT must be a whole number from 1 to 65535; got 'abc'");
  }, 70_000);
});

describe('config', () => {
  it('reads process.env on first use and keeps what it read until reset', () => {
    const saved = process.env.MAIL_FROM;
    try {
      process.env.MAIL_FROM = 'First <first@example.org>';
      resetConfig();
      expect(config().MAIL_FROM).toBe('First <first@example.org>');
      process.env.MAIL_FROM = 'Second <second@example.org>';
      expect(config().MAIL_FROM).toBe('First <first@example.org>');
      resetConfig();
      expect(config().MAIL_FROM).toBe('Second <second@example.org>');
    } finally {
      if (saved === undefined) delete process.env.MAIL_FROM;
      else process.env.MAIL_FROM = saved;
      resetConfig();
    }
  });

  it('gives the notifier and the background work their settings, with the same defaults as before', () => {
    expect(deliveryConfigFromEnv(parseConfig({}))).toEqual({ publicUrl: 'http://localhost:3000', smtpUrl: undefined, mailFrom: 'Safer Voices <safer-voices@localhost>', timeoutMs: 10_000 });
    expect(deliveryConfigFromEnv(parseConfig({ PUBLIC_URL: 'https://voices.example.org', SMTP_URL: 'smtp://mail.example.org:25', MAIL_FROM: ' ' }))).toMatchObject({
      publicUrl: 'https://voices.example.org',
      smtpUrl: 'smtp://mail.example.org:25',
      mailFrom: 'Safer Voices <safer-voices@localhost>'
    });
    expect(backgroundWorkWanted(parseConfig({}))).toBe(true);
    expect(backgroundWorkWanted(parseConfig({ BACKGROUND_WORK: 'off' }))).toBe(false);
  });
});
