import { describe, expect, it } from 'vitest';
import { Analyser } from '../text/analyse';
import { compilePattern, PatternSet } from './patterns';

const analyser = new Analyser();
const matches = (seed: string, text: string) => new PatternSet([compilePattern('t', seed)]).match(analyser.analyse(text));

describe('seed phrases', () => {
  it('match by stem', () => {
    expect(matches('carry knife', 'carrying knife')).toHaveLength(1);
  });

  it('support alternatives, prefixes and gaps', () => {
    expect(matches('bus station|stop', 'at the bus stop')).toHaveLength(1);
    expect(matches('exclu*', 'exclusions')).toHaveLength(1);
    expect(matches('carry .. knife', 'carry a big knife')).toHaveLength(1);
    expect(matches('carry .. knife', 'carry it. knife')).toHaveLength(0);
    expect(matches('carry .. knife', 'carry my dads big sharp knife')).toHaveLength(0);
    expect(matches('carry ... knife', 'carry my dads big sharp knife')).toHaveLength(1);
  });

  it('match exact words when asked', () => {
    expect(matches('=attacked', 'he was attacked')).toHaveLength(1);
    expect(matches('=attacked', 'panic attacks')).toHaveLength(0);
    expect(matches('got =attacked|=mugged', 'i got mugged')).toHaveLength(1);
  });

  it('read weights and negation', () => {
    const pattern = compilePattern('fear', 'not feel safe @0.7');
    expect(pattern.weight).toBe(0.7);
    expect(pattern.hasNot).toBe(true);
    expect(matches('not feel safe', "I don't feel safe")).toHaveLength(1);
    expect(matches('not feel safe', 'I feel safe')).toHaveLength(0);
  });

  it('marks matches inside a negation scope', () => {
    const [match] = matches('gang|gangs', "we don't have any gangs");
    expect(match?.negated).toBe(true);
  });

  it('rejects bad weights', () => {
    expect(() => compilePattern('t', 'knife @2')).toThrow();
  });
});
