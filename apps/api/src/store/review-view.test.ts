// The one check of the themes an analyst chose, used by review decisions and double-coding labels.
import { DEFAULT_CODEBOOK, retireTheme } from '@safer-voices/themes';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { chosenThemes } from './review-view';

describe('chosenThemes', () => {
  it('keeps active themes, each once, in the order chosen', () => {
    expect(chosenThemes(DEFAULT_CODEBOOK, ['knives_weapons', 'environment', 'knives_weapons'])).toEqual(['knives_weapons', 'environment']);
    expect(chosenThemes(DEFAULT_CODEBOOK, [])).toEqual([]);
  });

  it('refuses unknown and retired themes, naming each by its place', () => {
    const codebook = retireTheme(DEFAULT_CODEBOOK, 'environment');
    let refusal: unknown;
    try {
      chosenThemes(codebook, ['knives_weapons', 'aliens', 'environment']);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 400, code: 'invalid_request' });
    expect((refusal as ApiError).issues?.map((i) => i.field)).toEqual(['themes.1', 'themes.2']);
  });
});
