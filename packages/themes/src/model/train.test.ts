import { describe, expect, it } from 'vitest';
import { createCoder } from '../coder/create-coder';
import { exampleFromReview } from './corrections';
import { parseModel } from './model-format';
import { type TrainingExample, train, trainInSlices } from './train';

// Small invented training set: "the chippy" answers are about a place the
// codebook knows nothing about; analysts keep coding them `environment`.
const streets = ['high st', 'the corner', 'station rd', 'the square', 'church lane', 'the seafront', 'market st', 'the precinct'];
const places = streets.map((s) => ({ text: `the chippy on ${s} at closing time is grim`, themes: ['environment'] }));
const others: TrainingExample[] = [
  'i like my school',
  'more buses please',
  'fix the potholes',
  'the council wastes money',
  'my dog is lovely',
  'we need more shops',
  'nothing really',
  'good question',
  'no idea',
  'cheaper taxis'
].map((text) => ({ text, themes: [] }));
const examples: TrainingExample[] = [...places, ...places.map((p) => ({ ...p, text: p.text.replace('grim', 'rough') })), ...others, ...others];

describe('training', () => {
  it('learns from corrections and changes a decision', () => {
    const before = createCoder().code('the chippy at closing time');
    expect(before.themes.find((t) => t.id === 'environment')?.decision).toBe('no');
    // An analyst adds the theme to each reviewed answer; those become examples.
    const reviewed = examples.map((e) =>
      exampleFromReview(
        e.text,
        createCoder().code(e.text),
        e.themes.map((themeId) => ({ action: 'add', themeId }))
      )
    );
    const model = train(reviewed);
    const after = createCoder({ model }).code('the chippy at closing time');
    expect(after.themes.find((t) => t.id === 'environment')?.confidence).toBeGreaterThan(0.5);
    expect(after.modelVersion).toBe(model.version);
  });

  it('trains the same model in slices, letting other work run in between', async () => {
    const many = Array.from({ length: 8 }, () => examples).flat();
    let turns = 0;
    const ticker = setInterval(() => {
      turns += 1;
    }, 0);
    const sliced = await trainInSlices(many, undefined, {}, 1);
    clearInterval(ticker);
    expect(sliced.version).toBe(train(many).version);
    expect(turns).toBeGreaterThan(0);
  });

  it('round-trips through JSON without training text', () => {
    const model = train(examples);
    const json = JSON.stringify(model);
    expect(json).not.toContain('chippy');
    const restored = parseModel(JSON.parse(json));
    const text = 'the chippy on the corner is grim';
    expect(createCoder({ model: restored }).code(text)).toEqual(createCoder({ model }).code(text));
    expect(restored.codebookVersion).toBe('default@1');
    expect(restored.version).toMatch(/^model-[0-9a-f]{8}$/);
  });

  it('calibrates: answer certainty in [0, 1], confidences on their decision side', () => {
    const model = train(examples);
    expect(model.calibration).toHaveLength(model.labels.length - 1);
    expect(model.autoCodeCertainty).toBeGreaterThanOrEqual(0);
    const coder = createCoder({ model });
    for (const text of ['the chippy on the corner is grim', 'more buses please', 'kids carry knives']) {
      const coding = coder.code(text);
      expect(coding.certainty).toBeGreaterThanOrEqual(0);
      expect(coding.certainty).toBeLessThanOrEqual(1);
      expect(coding.review).toBe(coding.certainty < (model.autoCodeCertainty as number));
      for (const theme of coding.themes) expect(theme.decision === 'yes').toBe(theme.decision !== 'review' && theme.confidence >= 0.5);
    }
  });

  it('is deterministic: the same data gives the same version', () => {
    expect(train(examples).version).toBe(train(examples).version);
  });
});

describe('corrections', () => {
  it('turn accept, reject and add into labels', () => {
    const coding = createCoder().code('kids carry knives and smoke weed in the park');
    const example = exampleFromReview('x', coding, [
      { action: 'reject', themeId: 'drugs_alcohol' },
      { action: 'add', themeId: 'youth_provision' },
      { action: 'safeguarding', flag: true }
    ]);
    expect(example.themes).toContain('knives_weapons');
    expect(example.themes).toContain('youth_provision');
    expect(example.themes).not.toContain('drugs_alcohol');
    expect(example.safeguarding).toBe(true);
  });
});
