import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../server/settings-input.ts';
import { settingsErrors, valuesOf } from './settings-form.ts';

const values = { suppressionThreshold: ' 20 ', redactionTerms: 'Oakfield Academy\r\n\n  Mr Patel \n', notifyWebhookUrl: '  ', notifyEmail: 'dsl@example.org' };

describe('the settings form', () => {
  it('sends a whole-number threshold, one term a line, and empty addresses as none', () => {
    expect(settingsFrom(values)).toEqual({
      settings: { suppressionThreshold: 20, redactionTerms: ['Oakfield Academy', 'Mr Patel'], notifyWebhookUrl: null, notifyEmail: 'dsl@example.org' }
    });
  });

  it('asks for a whole number without asking the API', () => {
    for (const threshold of ['', 'ten', '12.5', '-3']) {
      expect(settingsFrom({ ...values, suppressionThreshold: threshold })).toEqual({ errors: [{ field: 'suppressionThreshold', message: 'Enter the threshold as a whole number, like 10' }] });
    }
  });

  it('checks the rest as the API does, each problem on its own field', () => {
    expect(settingsFrom({ ...values, suppressionThreshold: '5', redactionTerms: 'ok term\na', notifyWebhookUrl: 'http://example.org/hook', notifyEmail: 'nope' })).toEqual({
      errors: [
        { field: 'suppressionThreshold', message: 'The threshold must be 10 or more: a figure based on fewer people could identify them' },
        { field: 'redactionTerms', message: '“a” is too short: a term must be at least 2 characters' },
        { field: 'notifyWebhookUrl', message: 'The webhook address must start with https:// (http:// only for localhost, when testing)' },
        { field: 'notifyEmail', message: 'Enter an e-mail address like name@example.org' }
      ]
    });
  });

  it("puts the API's issues on the form's fields", () => {
    const failure = { status: 400, error: 'invalid_request', message: 'x', issues: [{ field: 'redactionTerms.2', message: '“a” is too short' }] };
    expect(settingsErrors(failure)).toEqual([{ field: 'redactionTerms', message: '“a” is too short' }]);
  });

  it('shows saved settings in the fields', () => {
    expect(valuesOf({ suppressionThreshold: 15, redactionTerms: ['A school', 'B school'], notifyWebhookUrl: null, notifyEmail: null })).toEqual({
      suppressionThreshold: '15',
      redactionTerms: 'A school\nB school',
      notifyWebhookUrl: '',
      notifyEmail: ''
    });
  });
});
