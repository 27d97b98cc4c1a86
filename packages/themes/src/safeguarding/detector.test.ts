// The disclosure detector on answers written for these tests (children's
// spelling, text-speak, EAL phrasing, parents' reports), never real
// respondents'. Every disclosure must reach the queue; nothing else may.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCoder } from '../coder/create-coder';
import type { Writer } from './detector';

const coder = createCoder();
const read = (name: string) =>
  readFileSync(new URL(`../../test-data/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; kind: string; tier?: 'likely' | 'possible' });
const tierOf = (text: string, writer?: Writer) => coder.code(text, { writer }).safeguarding.tier;

describe('disclosures reach the safeguarding lead', () => {
  it.each(read('disclosures.jsonl').map((a) => [a.kind, a.text, a.tier] as const))('%s: “%s”', (_, text, tier) => {
    const found = tierOf(text);
    expect(found).not.toBeNull();
    if (tier === 'likely') expect(found).toBe('likely');
  });
});

describe('answers that disclose nothing are left alone', () => {
  it.each(read('not-disclosures.jsonl').map((a) => [a.kind, a.text] as const))('%s: “%s”', (_, text) => {
    expect(tierOf(text)).toBeNull();
  });
});

describe('how it reads the language around harm', () => {
  it('reads text-speak and misspellings', () => {
    expect(tierOf('ma dad hits me wen he gets home')).toBe('likely');
    expect(tierOf('ive been cuttin again')).not.toBeNull();
    expect(tierOf('sum1 on snap sed there gonna stab me')).toBe('likely');
    expect(tierOf('been self-harming since xmas')).toBe('likely');
    expect(tierOf('they say they dont want to hang round with someone who self-harms and then look at me')).not.toBeNull();
  });

  it('tells negation and hypotheticals from what happened', () => {
    expect(tierOf('I would never carry a knife')).toBeNull();
    expect(tierOf('if someone hurt me i would tell a teacher')).toBeNull();
    expect(tierOf('if i tell anyone he will hurt me')).toBe('likely');
    expect(tierOf('not gonna lie i carry a blade')).toBe('likely');
  });

  it('tells opinions and news from what happened to the writer', () => {
    expect(tierOf('kids carry knives these days')).toBeNull();
    expect(tierOf('a boy got stabbed in town, it was on the news')).toBeNull();
    expect(tierOf('i got stabbed in town last week')).toBe('likely');
  });

  it('weighs time and who wrote it', () => {
    expect(tierOf('my cousin got mugged years ago but hes alright now')).toBeNull();
    expect(tierOf('i was 12 when my uncle started touching me and he still does')).toBe('likely');
    // "When i was 13" from a pupil is recent enough to look at; from an adult it is their childhood.
    expect(tierOf('when i was 13 a man groped me on the bus', 'young')).not.toBeNull();
    expect(tierOf('when i was 13 a man groped me on the bus', 'adult')).toBeNull();
  });

  it('hears a threat to keep quiet, though "would kill me if" is usually a figure of speech', () => {
    expect(tierOf("he said he'd kill me if i told")).toBe('likely');
    expect(tierOf('she says shell hurt my mum if i snitch')).toBe('likely');
    expect(tierOf('my mum would kill me if she found out i skipped school lol')).toBeNull();
    expect(tierOf('my dad would kill me if I got a tattoo')).toBeNull();
  });

  it('hears a child who is not fed, or made to hold a weapon', () => {
    expect(tierOf('nobody feeds me at home')).toBe('likely');
    expect(tierOf('no1 cooks for us, school dinner is the only food i get')).not.toBeNull();
    expect(tierOf('Im being made to hold a knife for someone')).toBe('likely');
    for (const text of ['nobody cooks like my nan', 'I was made to hold the bat at cricket', 'no one feeds the ducks anymore', 'police should make people hand in knives']) {
      expect(tierOf(text), text).toBeNull();
    }
  });

  it('hears forced marriage, cutting, image abuse, grooming gifts and a home that is not safe', () => {
    for (const text of [
      'my parents are taking me abroad in the summer to get married and I dont want to',
      'my aunty says I have to be cut when we go back home',
      'they share pics of me without clothes in the group chat',
      'he sends me money for pictures',
      'Mums boyfriend makes me sleep in his bed',
      'I dont feel safe at my house',
      'my mum hasnt been home for 3 days',
      'people came to our house with machetes',
      'a group online keeps telling me to hurt people who arent like us'
    ]) {
      expect(tierOf(text), text).not.toBeNull();
    }
    for (const text of [
      'my nan gives me money for my birthday',
      'I was scared to go to school on the first day',
      'School taught us about county lines and it was useful',
      'I cut my hair when we go on holiday'
    ]) {
      expect(tierOf(text), text).toBeNull();
    }
  });

  it('does not mistake everyday words for harm', () => {
    for (const text of ['my mum drinks coffee every morning', 'I hit my head on the door', 'we use a knife and fork', 'this survey is killing me lol']) {
      expect(tierOf(text), text).toBeNull();
    }
  });

  it('shows the words that raised a flag, as spans of the answer', () => {
    const text = 'My uncle touches me when mum is out and says not to tell anyone';
    const { evidence, tier } = coder.code(text).safeguarding;
    expect(tier).toBe('likely');
    expect(evidence.map((e) => e.text)).toContain('touches me');
    for (const span of evidence) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('puts clear disclosures in the likely tier and unclear ones in the possible tier', () => {
    expect(tierOf('my stepdad hits me')).toBe('likely');
    expect(tierOf('my little brother keeps coming home with loads of cash and wont say where from')).toBe('possible');
  });
});
