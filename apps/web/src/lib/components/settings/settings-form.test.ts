import { describe, expect, it } from 'vitest';
import { settingsErrors, settingsFrom, valuesOf } from './settings-form.ts';

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
