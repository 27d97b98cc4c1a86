import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fillIn, INTERFACE_LANGUAGES, interfaceText, MESSAGE_KEYS, missingInterfaceMessages, placeholdersOf, saysPickSeveral, templateParts } from './index';

describe('interface message catalogue', () => {
  it('ships Welsh, Arabic, Polish, Urdu, Romanian and Somali', () => {
    expect([...INTERFACE_LANGUAGES].sort()).toEqual(['ar', 'cy', 'pl', 'ro', 'so', 'ur']);
  });

  it.each(INTERFACE_LANGUAGES)('%s has every key, with the same placeholders as English', (lang) => {
    expect(missingInterfaceMessages(lang)).toEqual([]);
  });

  it.each(INTERFACE_LANGUAGES)('%s is really translated, not English copied over', (lang) => {
    const same = MESSAGE_KEYS.filter((key) => interfaceText(lang, key).text === en[key]);
    // “Help” style brand-free words may coincide in a few languages, but never many.
    expect(same.length).toBeLessThanOrEqual(2);
  });

  it('finds a missing or mis-filled key in a language', () => {
    expect(missingInterfaceMessages('de')).toEqual(MESSAGE_KEYS);
    expect(MESSAGE_KEYS.every((key) => missingInterfaceMessages('cy').includes(key) === false)).toBe(true);
  });

  it('says which language and direction each text is in, falling back to English for a language it lacks', () => {
    expect(interfaceText('ar', 'continue')).toEqual({ text: 'متابعة', lang: 'ar', dir: 'rtl' });
    expect(interfaceText('ur', 'back')).toMatchObject({ lang: 'ur', dir: 'rtl' });
    expect(interfaceText('pl', 'startNow')).toEqual({ text: 'Rozpocznij', lang: 'pl', dir: 'ltr' });
    expect(interfaceText('ar-EG', 'continue').lang).toBe('ar');
    expect(interfaceText('pa', 'continue')).toEqual({ text: 'Continue', lang: 'en', dir: 'ltr' });
  });

  it('fills in a progress line in each language', () => {
    expect(interfaceText('en', 'partOf', { number: 2, count: 5 }).text).toBe('Part 2 of 5');
    expect(interfaceText('cy', 'partOf', { number: 2, count: 5 }).text).toBe('Rhan 2 o 5');
    expect(interfaceText('ar', 'partOf', { number: 2, count: 5 }).text).toBe('الجزء 2 من 5');
  });
});

describe('filling in a template', () => {
  it('puts any value in exactly once, never reading braces in a value as a placeholder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(fillIn('{a} and {b}', { a, b })).toBe(`${a} and ${b}`);
      })
    );
  });

  it('leaves any text without placeholders as it is, and keeps a placeholder with no value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const plain = text.replace(/[{}]/g, '');
        expect(fillIn(plain, { x: 'y' })).toBe(plain);
        expect(fillIn(`${plain}{missing}`, {})).toBe(`${plain}{missing}`);
      })
    );
  });

  it('cuts any template into parts that join back into it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (template) => {
        const joined = templateParts(template)
          .map((p) => ('text' in p ? p.text : `{${p.slot}}`))
          .join('');
        expect(joined).toBe(template);
        expect(
          templateParts(template)
            .filter((p) => 'slot' in p)
            .map((p) => ('slot' in p ? p.slot : ''))
        ).toEqual(placeholdersOf(template));
      })
    );
  });

  it('every language fills in every placeholder of every message', () => {
    for (const lang of ['en', ...INTERFACE_LANGUAGES]) {
      for (const key of MESSAGE_KEYS) {
        const values = Object.fromEntries(placeholdersOf(en[key]).map((name) => [name, `<${name}>`]));
        expect(interfaceText(lang, key, values).text, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('knows a question hint that repeats the interface’s “select all that apply”, in any language', () => {
    expect(saysPickSeveral('Select all that apply.')).toBe(true);
    expect(saysPickSeveral('  select all that apply ')).toBe(true);
    expect(saysPickSeveral(interfaceText('cy', 'selectAll').text)).toBe(true);
    expect(saysPickSeveral(interfaceText('ar', 'pickMoreThanOne').text)).toBe(true);
    expect(saysPickSeveral('Select all that apply to your school.')).toBe(false);
    expect(saysPickSeveral('')).toBe(false);
    expect(saysPickSeveral(undefined)).toBe(false);
  });

  it('reads any hint without failing, and only a hint with letters can repeat it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (help) => {
        const repeats = saysPickSeveral(help);
        if (!/[\p{L}]/u.test(help.normalize('NFKC'))) expect(repeats).toBe(false);
        expect(saysPickSeveral(`${help} Select all that apply.`)).toBe(help.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '') === '');
      })
    );
  });
});
