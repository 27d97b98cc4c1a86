import { describe, expect, it } from 'vitest';
import { Analyser, foldCharacters } from './analyse';
import { SpellingCorrector } from './spelling';

const analyser = new Analyser({ corrector: new SpellingCorrector(['excluded', 'police', 'knife', 'scared', 'patrol', 'fighting']) });
const words = (text: string) => analyser.analyse(text).map((t) => t.word);

describe('normalisation', () => {
  it('folds case and typographic quotes without moving offsets', () => {
    const text = 'I DON’T feel “safe”';
    expect(foldCharacters(text)).toBe('i don\'t feel "safe"');
    expect(foldCharacters(text)).toHaveLength(text.length);
  });

  it('expands contractions with and without apostrophes', () => {
    expect(words("I don't go")).toEqual(['i', 'do', 'not', 'go']);
    expect(words('im not bothered, they cant')).toEqual(['i', 'am', 'not', 'bothered', ',', 'they', 'can', 'not']);
    expect(words("won't")).toEqual(['will', 'not']);
  });

  it('keeps every token tied to the original text', () => {
    const text = 'My mate’s got a SHANK innit';
    for (const token of analyser.analyse(text)) {
      expect(text.slice(token.start, token.end).length).toBeGreaterThan(0);
    }
    const shank = analyser.analyse(text).find((t) => t.word === 'knife');
    expect(shank && text.slice(shank.start, shank.end)).toBe('SHANK');
  });

  it('splits school years like "yr9"', () => {
    expect(words('in yr9')).toEqual(['in', 'year', '9']);
  });
});

describe('slang lexicon', () => {
  it('maps UK youth slang to plain words', () => {
    expect(words('got shanked in the ends')).toEqual(['got', 'stabbed', 'in', 'the', 'area']);
    expect(words('he went country')).toEqual(['he', 'went', 'county', 'lines']);
    expect(words('it kicks off on snap')).toContain('snapchat');
    expect(words('the bando')).toEqual(['the', 'trap', 'house']);
    expect(words('the feds')).toEqual(['the', 'police']);
    expect(words('opps')).toEqual(['rivals']);
  });

  it('does not treat "fed up" as the police', () => {
    expect(words('im fed up')).toEqual(['i', 'am', 'fed', 'up']);
  });
});

describe('spelling tolerance', () => {
  it('corrects misspellings of codebook words', () => {
    expect(words('exlcuded')).toEqual(['excluded']);
    expect(words('excludid')).toEqual(['excluded']);
    expect(words('polise')).toEqual(['police']);
    expect(words('nife')).toEqual(['knife']);
    expect(words('scard')).toEqual(['scared']);
  });

  it('leaves real English words alone', () => {
    expect(words('petrol')).toEqual(['petrol']);
    expect(words('polite')).toEqual(['polite']);
  });

  it('leaves irregular forms of real words alone, which no dictionary of lemmas lists', () => {
    const near = new Analyser({ corrector: new SpellingCorrector(['tight', 'court', 'threw', 'children']) });
    expect(near.analyse('taught caught thrown childrens').map((t) => t.word)).toEqual(['taught', 'caught', 'thrown', 'childrens']);
    expect(near.analyse('thrwe').map((t) => t.word)).toEqual(['threw']);
  });
});

describe('negation scope', () => {
  const negated = (text: string) =>
    analyser
      .analyse(text)
      .filter((t) => t.negated)
      .map((t) => t.word);

  it('covers the rest of the clause', () => {
    expect(negated("I'm not scared of anyone")).toEqual(['scared', 'of', 'anyone']);
    expect(negated("we don't have gangs round here")).toContain('gangs');
  });

  it('ends at "but" and at punctuation', () => {
    expect(negated("I'm not scared but my mum is")).toEqual(['scared']);
    expect(negated('no lights. it is dark')).toEqual(['lights']);
  });

  it('ignores "not just"', () => {
    expect(negated('not just the police')).toEqual([]);
  });
});
