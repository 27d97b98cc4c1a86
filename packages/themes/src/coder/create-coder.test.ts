import { describe, expect, it } from 'vitest';
import { createCoder } from './create-coder';

const coder = createCoder();
const yes = (text: string, question?: string) =>
  coder
    .code(text, { question })
    .themes.filter((t) => t.decision === 'yes')
    .map((t) => t.id);

describe('codebook-only coder', () => {
  it('codes clear cases correctly', () => {
    expect(yes('older lads get kids to run packages to Taunton on the train')).toContain('county_lines');
    expect(yes('it kicks off on snap then they meet up')).toContain('social_media');
    expect(yes('he got excluded in year 8')).toEqual(['exclusion']);
    expect(yes('half the boys in my year carry a blade')).toContain('knives_weapons');
    expect(yes('bring back the youth club, there is nothing to do')).toEqual(['youth_provision']);
    expect(yes('more police patrols at night')).toContain('policing');
    expect(yes('racist comments at school every day')).toContain('discrimination');
    expect(yes('I get bullied every day')).toContain('bullying');
    expect(yes('no street lights on the path')).toContain('environment');
  });

  it('respects negation scope', () => {
    expect(yes("I'm not scared of anyone")).not.toContain('fear');
    expect(yes("I don't feel safe walking home")).toContain('fear');
    expect(yes("we don't have gangs round here, it's just kids being kids")).toEqual([]);
    expect(yes("I don't use social media")).not.toContain('social_media');
  });

  it('uses the question: naming a place to avoid shows avoidance', () => {
    expect(yes('the underpass by the station', 'Is there anywhere you avoid going?')).toContain('fear');
    expect(yes('Nowhere, I go where I like', 'Is there anywhere you avoid going?')).not.toContain('fear');
  });

  it('gives evidence as offsets into the original text', () => {
    const text = 'Honestly, kids carry KNIVES round here';
    const knives = coder.code(text).themes.find((t) => t.id === 'knives_weapons');
    expect(knives?.evidence.length).toBeGreaterThan(0);
    for (const span of knives?.evidence ?? []) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(knives?.evidence.map((e) => e.text)).toContain('KNIVES');
  });

  it('puts weak evidence up for review', () => {
    const fear = coder.code('worried').themes.find((t) => t.id === 'fear');
    expect(fear?.decision).toBe('review');
  });

  it('records versions', () => {
    const coding = coder.code('anything');
    expect(coding.codebookVersion).toBe('default@1');
    expect(coding.modelVersion).toBe('codebook-only');
  });
});

describe('safeguarding flag', () => {
  it('flags first-person disclosures of current harm', () => {
    for (const text of [
      'my stepdad hits me',
      'been cutting again',
      'i carry a blade because of my opps',
      'theres a boy saying hes gonna stab me after school',
      'I owe money to some older lads and they said I have to do drops'
    ]) {
      expect(coder.code(text).safeguarding.flag, text).toBe(true);
    }
  });

  it('does not flag general opinions or past harm', () => {
    for (const text of ['kids carry knives these days', 'more police in the town centre', 'i used to carry years ago but im doing well now']) {
      expect(coder.code(text).safeguarding.flag, text).toBe(false);
    }
  });

  it('explains a flag with spans', () => {
    const text = 'my stepdad hits me';
    const { evidence } = coder.code(text).safeguarding;
    expect(evidence[0]?.text).toContain('hits me');
  });
});
