import { describe, expect, it } from 'vitest';
import { discloseExplorer } from './disclose';
import { ExploreIndex } from './explore-index';
import { type MeasureTally, measureRows, tallyMeasureGroups, tallyMeasures } from './measures';
import { neighbourCheck } from './neighbours';
import { selectRespondents } from './select';
import { type DifferencingVerdicts, differencingVerdicts } from './verdicts';

const SAFE = { dimension: 'safe', counts: ['very_safe', 'quite_safe'], notInBase: ['dont_know'] };
const DID = { dimension: 'did', counts: ['stayed_in', 'changed_route'], notInBase: [] };

/** A measure's figures through the explorer's disclosure control, as one theme: the respondents counted. */
const disclosed = (tally: MeasureTally | undefined, differencing: DifferencingVerdicts = { view: [] }) => {
  const { base, counted } = tally as MeasureTally;
  return discloseExplorer({ threshold: 10, base, counts: [counted], pairs: [[counted]], differencing });
};

function pupils() {
  const index = new ExploreIndex(8);
  index.declareDimension('did', 'multi');
  let n = 0;
  const add = (school: string, safe: string | null, did: string[]) => index.add({ id: `r${n++}`, version: 1, day: 20_000, answers: { school, ...(safe ? { safe } : {}), did } });
  return { index, add };
}

describe('perception-of-safety measures over the index', () => {
  it('count respondents giving a counted answer, out of those whose answer is in the base', () => {
    const { index, add } = pupils();
    for (let i = 0; i < 12; i++) add('oak', 'very_safe', ['stayed_in']);
    for (let i = 0; i < 10; i++) add('oak', 'not_safe', ['none']);
    for (let i = 0; i < 5; i++) add('oak', 'dont_know', []);
    for (let i = 0; i < 3; i++) add('oak', null, ['changed_route', 'none']);
    const all = selectRespondents(index, {});
    const [safe, did] = tallyMeasures(all, [measureRows(index, SAFE), measureRows(index, DID)]);
    // "Don't know" and no answer are not in the base.
    expect(safe).toMatchObject({ base: 22, counted: 12 });
    // Several answers: in the base with any answer; counted when any of them counts.
    expect(did).toMatchObject({ base: 25, counted: 15 });
    expect(disclosed(safe).prevalence[0]).toMatchObject({ count: 12, percent: (12 / 22) * 100 });
  });

  it('take in respondents added after the first count', () => {
    const { index, add } = pupils();
    for (let i = 0; i < 40; i++) add('oak', i % 2 === 0 ? 'very_safe' : 'not_safe', []);
    expect(tallyMeasures(selectRespondents(index, {}), [measureRows(index, SAFE)])[0]).toMatchObject({ base: 40, counted: 20 });
    for (let i = 0; i < 30; i++) add('elm', 'quite_safe', []);
    expect(tallyMeasures(selectRespondents(index, {}), [measureRows(index, SAFE)])[0]).toMatchObject({ base: 70, counted: 50 });
  });

  it('find what each filter leaves out of the base as the explorer does for themes, and withhold everything when it is a few', () => {
    const { index, add } = pupils();
    for (let i = 0; i < 20; i++) add('oak', 'very_safe', []);
    for (let i = 0; i < 4; i++) add('ash', 'very_safe', []);
    for (let i = 0; i < 4; i++) add('ash', 'dont_know', []);
    const rows = measureRows(index, SAFE);
    const oak = selectRespondents(index, { values: { school: ['oak'] } });
    const [tally] = tallyMeasures(oak, [rows]);
    // Ash's 4 in the base, not its 4 "don't know".
    const verdicts = differencingVerdicts(neighbourCheck(index, oak, { threshold: 10 }), rows.base, () => ({ sets: [rows.counted] }));
    expect(verdicts.view).toEqual([{ change: 'without', dimensions: ['school'] }]);
    const shown = disclosed(tally, verdicts);
    expect(shown.prevalence[0]).toMatchObject({ count: null, suppressed: 'differencing' });
    expect(shown.base).toMatchObject({ count: null, suppressed: 'differencing' });
  });

  it('count each group of a grouping question, for a cross-tab', () => {
    const { index, add } = pupils();
    for (let i = 0; i < 30; i++) add('oak', i < 18 ? 'very_safe' : 'not_safe', []);
    for (let i = 0; i < 12; i++) add('elm', i < 3 ? 'quite_safe' : 'dont_know', ['stayed_in']);
    expect(index.dimensions.get('school')?.values).toEqual(['oak', 'elm']);
    const [safe, did] = tallyMeasureGroups(index, selectRespondents(index, {}), 'school', [measureRows(index, SAFE), measureRows(index, DID)]);
    expect(safe).toEqual([
      { base: 30, counts: [18] },
      { base: 3, counts: [3] }
    ]);
    expect(did).toEqual([
      { base: 0, counts: [0] },
      { base: 12, counts: [12] }
    ]);
    // By a question with several answers, a respondent is in each group they chose.
    const [byDid] = tallyMeasureGroups(index, selectRespondents(index, {}), 'did', [measureRows(index, SAFE)]);
    expect(index.dimensions.get('did')?.values).toEqual(['stayed_in']);
    expect(byDid).toEqual([{ base: 3, counts: [3] }]);
  });

  it('keep group counts right as respondents arrive, and for a filtered view', () => {
    const { index, add } = pupils();
    const bySchool = () => tallyMeasureGroups(index, selectRespondents(index, {}), 'school', [measureRows(index, SAFE)])[0];
    for (let i = 0; i < 33; i++) add('oak', i % 3 === 0 ? 'very_safe' : 'not_safe', ['stayed_in', 'changed_route']);
    expect(bySchool()).toEqual([{ base: 33, counts: [11] }]);
    // New respondents, some at a school not seen before (a new group).
    for (let i = 0; i < 7; i++) add('oak', 'quite_safe', []);
    for (let i = 0; i < 5; i++) add('elm', 'very_safe', ['none']);
    expect(bySchool()).toEqual([
      { base: 40, counts: [18] },
      { base: 5, counts: [5] }
    ]);
    // Filtered: only those who did nothing listed ("none").
    const none = selectRespondents(index, { values: { did: ['none'] } });
    expect(tallyMeasureGroups(index, none, 'school', [measureRows(index, SAFE)])[0]).toEqual([
      { base: 0, counts: [0] },
      { base: 5, counts: [5] }
    ]);
    // Grouped by a question with several answers: each of them.
    expect(index.dimensions.get('did')?.values).toEqual(['stayed_in', 'changed_route', 'none']);
    expect(tallyMeasureGroups(index, selectRespondents(index, {}), 'did', [measureRows(index, SAFE)])[0]).toEqual([
      { base: 33, counts: [11] },
      { base: 33, counts: [11] },
      { base: 5, counts: [5] }
    ]);
  });
});
