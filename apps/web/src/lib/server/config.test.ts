import { describe, expect, it } from 'vitest';
import { parseWebConfig } from './config.ts';

describe('parseWebConfig', () => {
  it('accepts an empty environment with the defaults', () => {
    expect(parseWebConfig({})).toMatchObject({ PORT: 3000, EXIT_URL: 'https://www.bbc.co.uk/weather', BACKGROUND_WORK: true });
  });

  it('names every bad variable and its value', () => {
    expect(() => parseWebConfig({ EXIT_URL: 'javascript:alert(1)', PORT: 'abc' })).toThrow(
      "Configuration problem:\n  PORT must be a whole number from 1 to 65535; got 'abc'\n  EXIT_URL must be an http or https address; got 'javascript:alert(1)'"
    );
  });
});
