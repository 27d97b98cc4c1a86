// Publishing with care: a questionnaire says who is responsible for the
// answers, whom to contact and how long answers are kept before it can go
// live; the officer chooses whether the home page lists it; and every
// questionnaire gets a short address from its title that no other has.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAddressFor, shortAddressFrom } from '../../store/addresses';
import { designerPath, officerHeaders, TEST_PRIVACY } from '../../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../../test/fresh-api';
import { demoOrganisationId } from '../../test/staff';
import { SlugSchema } from '../questionnaires';

let api: FreshApi;
let officer: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  officer = await officerHeaders(api, await demoOrganisationId(api));
});
afterAll(() => api.close());

const blank = async (title: string) => {
  const res = await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title } }, officer);
  expect(res.status).toBe(201);
  return (await jsonOf(res)).questionnaire as { id: string; slug: string };
};
const setPrivacy = (id: string, body: unknown) => api.json(designerPath(id, '/privacy'), body, officer, 'PUT');
const publish = (id: string, body: unknown = {}) => api.json(designerPath(id, '/publish'), body, officer);
const publicList = async () => ((await jsonOf(await api.app.request('/api/questionnaires'))).questionnaires as { slug: string }[]).map((q) => q.slug);

describe('publishing needs who is responsible, a contact and how long answers are kept', () => {
  it('refuses with 422 naming each missing detail, and publishes once all three are given', async () => {
    const q = await blank('Park safety');
    const refused = await publish(q.id);
    expect(refused.status).toBe(422);
    const body = await jsonOf(refused);
    expect(body.error).toBe('privacy_details_missing');
    expect(body.issues.map((i: { field: string }) => i.field)).toEqual(['responsibleOrganisation', 'privacyContact', 'retention']);
    expect(body.issues[1].message).toBe('Enter a contact for questions and data protection requests');
    expect((await api.app.request(`/api/questionnaires/${q.slug}`)).status).toBe(404);

    const details = await jsonOf(await api.app.request(designerPath(q.id), { headers: officer }));
    expect(details.privacy.missing).toEqual(['responsibleOrganisation', 'privacyContact', 'retention']);

    expect((await setPrivacy(q.id, TEST_PRIVACY)).status).toBe(200);
    expect((await publish(q.id)).status).toBe(200);
    const live = await jsonOf(await api.app.request(`/api/questionnaires/${q.slug}`));
    expect(live.responsible).toEqual({ organisation: TEST_PRIVACY.responsibleOrganisation, contact: TEST_PRIVACY.privacyContact, retention: TEST_PRIVACY.retention });
  });

  it('refuses empty or blank details with 400 and the form’s words, storing nothing', async () => {
    const q = await blank('Bus station');
    const res = await setPrivacy(q.id, { responsibleOrganisation: '   ', privacyContact: '', retention: 'x'.repeat(301) });
    expect(res.status).toBe(400);
    const messages = (await jsonOf(res)).issues.map((i: { message: string }) => i.message);
    expect(messages).toEqual([
      'Enter the organisation responsible for the answers',
      'Enter a contact for questions and data protection requests',
      'How long answers are kept must be 300 characters or fewer'
    ]);
    expect((await jsonOf(await api.app.request(designerPath(q.id), { headers: officer }))).privacy.missing).toHaveLength(3);
    expect((await setPrivacy(q.id, { ...TEST_PRIVACY, extra: 1 })).status).toBe(400);
  });

  it('refuses details of invisible characters alone as empty, and how long answers are kept with no letter or digit', async () => {
    const q = await blank('Invisible details');
    const res = await setPrivacy(q.id, { responsibleOrganisation: '\u200b\u2060', privacyContact: '\ufeff\u00a0\u3000', retention: '\u200b' });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).issues).toEqual([
      { field: 'responsibleOrganisation', message: 'Enter the organisation responsible for the answers' },
      { field: 'privacyContact', message: 'Enter a contact for questions and data protection requests' },
      { field: 'retention', message: 'Enter how long answers are kept' }
    ]);
    for (const retention of ['-', '...', '?!', '—\u200b—', '😀']) {
      const unclear = await setPrivacy(q.id, { ...TEST_PRIVACY, retention });
      expect(unclear.status, retention).toBe(400);
      expect((await jsonOf(unclear)).issues).toEqual([{ field: 'retention', message: 'Say how long answers are kept, like 2 years after the survey closes' }]);
    }
    expect((await jsonOf(await api.app.request(designerPath(q.id), { headers: officer }))).privacy.missing).toHaveLength(3);
    // Any letter or digit, in any script, is an answer: “2 ans”, “٢ سنة”.
    for (const retention of ['2 years after the survey closes', '٢ سنة', 'Until 2030']) expect((await setPrivacy(q.id, { ...TEST_PRIVACY, retention })).status).toBe(200);
  });

  it('counts a detail stored as invisible characters alone as missing when publishing', async () => {
    const q = await blank('Stored blank details');
    expect((await setPrivacy(q.id, TEST_PRIVACY)).status).toBe(200);
    await api.database.client.execute({ sql: 'UPDATE questionnaires SET retention = ? WHERE id = ?', args: ['\u200b\u2060', q.id] });
    const refused = await publish(q.id);
    expect(refused.status).toBe(422);
    expect((await jsonOf(refused)).issues).toEqual([{ field: 'retention', message: 'Enter how long answers are kept' }]);
  });

  it('answers any text in the details with 200 or a clear 400, never more', async () => {
    const q = await blank('Odd details');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 320 }), fc.string({ unit: 'grapheme', maxLength: 40 }), async (odd, words) => {
        const res = await setPrivacy(q.id, { responsibleOrganisation: odd, privacyContact: words, retention: `${odd}${words}` });
        expect([200, 400]).toContain(res.status);
        if (res.status === 200) {
          const saved = (await jsonOf(res)).privacy;
          expect(saved.responsibleOrganisation).toBe(saved.responsibleOrganisation.trim());
          expect(saved.responsibleOrganisation.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 }
    );
  });

  it('copies the details into a copy of the questionnaire', async () => {
    const q = await blank('Copied details');
    await setPrivacy(q.id, TEST_PRIVACY);
    const copy = await jsonOf(await api.json('/api/designer/questionnaires', { from: { kind: 'copy', questionnaireId: q.id } }, officer));
    expect(copy.privacy).toMatchObject({ ...TEST_PRIVACY, missing: [] });
  });
});

describe('what a respondent reads must show something', () => {
  const details = async (id: string) => jsonOf(await api.app.request(designerPath(id), { headers: officer }));
  const saveDraft = (id: string, definition: unknown) => api.json(designerPath(id, '/draft'), { definition }, officer, 'PUT');
  /** The blank draft with a second page asking one question, its options' words as given. */
  const withChoice = async (id: string, label: string, options: string[]) => {
    const { definition } = (await details(id)).working;
    const question = { id: 'feel', type: 'single', label, options: options.map((words, i) => ({ value: `o${i}`, label: words })) };
    return { ...definition, pages: [...definition.pages, { id: 'feel', questions: [question] }] };
  };

  it('refuses to save an option of a zero-width space or a question of spaces, naming each field in the form’s words', async () => {
    const q = await blank('Blank labels');
    const res = await saveDraft(q.id, await withChoice(q.id, '   ', ['Safe', '\u200b']));
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues).toEqual([
      { field: 'definition.pages.1.questions.0.label', message: 'Enter the question' },
      { field: 'definition.pages.1.questions.0.options.1.label', message: 'Enter the answer option' }
    ]);
    expect((await details(q.id)).working.definition.pages).toHaveLength(1);
  });

  it('refuses to publish a draft saved before the rule whose option is a zero-width space, naming the option', async () => {
    const q = await blank('Old blank option');
    expect((await setPrivacy(q.id, TEST_PRIVACY)).status).toBe(200);
    expect((await saveDraft(q.id, await withChoice(q.id, 'How safe do you feel?', ['Safe', 'Unsafe']))).status).toBe(200);
    const stored = await withChoice(q.id, 'How safe do you feel?', ['Safe', '\u200b']);
    stored.pages.splice(1, 1);
    await api.database.client.execute({
      sql: 'UPDATE questionnaire_versions SET definition = ? WHERE questionnaire_id = ? AND published_at IS NULL',
      args: [JSON.stringify(stored), q.id]
    });
    const refused = await publish(q.id);
    expect(refused.status).toBe(422);
    const body = await jsonOf(refused);
    expect(body.error).toBe('not_ready_to_publish');
    expect(body.issues).toEqual([{ field: 'pages.1.questions.0.options.1.label', message: 'Enter the answer option' }]);
    expect((await details(q.id)).problems).toEqual(body.issues);
    expect((await api.app.request(`/api/questionnaires/${q.slug}`)).status).toBe(404);
  });

  it('stores a question with a right-to-left override without it, saved whole or edited, and publishes it as typed', async () => {
    const q = await blank('Override labels');
    expect((await setPrivacy(q.id, TEST_PRIVACY)).status).toBe(200);
    expect((await saveDraft(q.id, await withChoice(q.id, '\u202eWhat is your name?', ['\u2067Safe\u2069', 'Unsafe']))).status).toBe(200);
    const saved = (await details(q.id)).working.definition.pages[1].questions[0];
    expect([saved.label, saved.options[0].label]).toEqual(['What is your name?', 'Safe']);
    const edited = await api.json(designerPath(q.id, '/draft/edits'), { op: 'replace_question', questionId: 'feel', question: { ...saved, label: '\u202eHow safe do you feel?\u202c' } }, officer);
    expect(edited.status).toBe(200);
    expect((await publish(q.id)).status).toBe(200);
    const live = await jsonOf(await api.app.request(`/api/questionnaires/${q.slug}`));
    expect(live.definition.pages[1].questions[0].label).toBe('How safe do you feel?');
  });
});

describe('the home page lists what the officer chose', () => {
  it('lists an open-link questionnaire by default and leaves a codes-only one off', async () => {
    const open = await blank('Listed by default');
    await setPrivacy(open.id, TEST_PRIVACY);
    await publish(open.id);
    expect(await publicList()).toContain(open.slug);

    const codes = await blank('Class survey');
    await setPrivacy(codes.id, TEST_PRIVACY);
    expect((await api.json(designerPath(codes.id, '/access'), { mode: 'codes' }, officer, 'PUT')).status).toBe(200);
    const published = await jsonOf(await publish(codes.id));
    expect(published.questionnaire).toMatchObject({ listed: false, listedChoice: null });
    expect(await publicList()).not.toContain(codes.slug);
    // Still reachable by its address, for those given it.
    expect((await api.app.request(`/api/questionnaires/${codes.slug}`)).status).toBe(200);

    expect((await api.json(designerPath(codes.id, '/listing'), { listed: true }, officer, 'PUT')).status).toBe(200);
    expect(await publicList()).toContain(codes.slug);
  });

  it('keeps a listed questionnaire listed when its access becomes codes only, saying a code is needed', async () => {
    // The officer chose to list it, and pupils told to find it on the site still can;
    // the entry says it asks for a code (the home page tells them to get one from their school or group).
    const q = await blank('Listed then coded');
    await setPrivacy(q.id, TEST_PRIVACY);
    await publish(q.id, { listed: true });
    const entry = async () => ((await jsonOf(await api.app.request('/api/questionnaires'))).questionnaires as { slug: string; access: string }[]).find((e) => e.slug === q.slug);
    expect(await entry()).toMatchObject({ access: 'open' });
    expect((await api.json(designerPath(q.id, '/access'), { mode: 'codes' }, officer, 'PUT')).status).toBe(200);
    expect(await entry()).toMatchObject({ access: 'codes' });
    expect((await api.json(designerPath(q.id, '/access'), { mode: 'open' }, officer, 'PUT')).status).toBe(200);
    expect(await entry()).toMatchObject({ access: 'open' });
  });

  it('keeps an open-link questionnaire off the list when published as link only', async () => {
    const q = await blank('Link only');
    await setPrivacy(q.id, TEST_PRIVACY);
    const published = await jsonOf(await publish(q.id, { listed: false }));
    expect(published.questionnaire).toMatchObject({ listed: false, listedChoice: false, status: 'live' });
    expect(await publicList()).not.toContain(q.slug);
    expect((await publish(q.id, { listed: 'yes' })).status).toBe(400);
  });
});

describe('short readable addresses', () => {
  it('makes each address from the title, numbered when another questionnaire has it', async () => {
    const first = await blank('Feeling safe at school: autumn term survey');
    const second = await blank('Feeling safe at school: autumn term survey');
    const third = await blank('FEELING SAFE AT SCHOOL — autumn');
    expect(first.slug).toBe('feeling-safe-at-school-autumn');
    expect(second.slug).toBe('feeling-safe-at-school-autumn-2');
    expect(third.slug).toBe('feeling-safe-at-school-autumn-3');
  });

  it('follows a rename until first published, then never changes', async () => {
    const q = await blank('Working title');
    const details = await jsonOf(await api.app.request(designerPath(q.id), { headers: officer }));
    const renamed = await jsonOf(await api.json(designerPath(q.id, '/draft'), { definition: { ...details.working.definition, title: 'Night bus survey' } }, officer, 'PUT'));
    expect(renamed.questionnaire.slug).toBe('night-bus-survey');
    await setPrivacy(q.id, TEST_PRIVACY);
    await publish(q.id);
    const again = await jsonOf(await api.app.request(designerPath(q.id), { headers: officer }));
    const later = await jsonOf(await api.json(designerPath(q.id, '/draft'), { definition: { ...again.working.definition, title: 'Late bus survey' } }, officer, 'PUT'));
    expect(later.questionnaire.slug).toBe('night-bus-survey');
    // Another questionnaire with the old title is numbered: a published address is never given again.
    expect((await blank('Night bus survey')).slug).toBe('night-bus-survey-2');
  });

  it('keeps the demo questionnaires at their addresses', async () => {
    expect(await publicList()).toEqual(expect.arrayContaining(['youth-safety-11-19', 'feeling-safe-8-11', 'community-safety-residents']));
  });

  it('makes a short address a respondent can type from any title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (title) => {
        const address = shortAddressFrom(title, 'survey');
        expect(SlugSchema.safeParse(address).success).toBe(true);
        expect(address.length).toBeLessThanOrEqual(30);
        expect(isAddressFor(`${address}-2`, address)).toBe(true);
        expect(isAddressFor(`${address}-x`, address)).toBe(false);
      })
    );
    expect(shortAddressFrom('Été à l’école', 'survey')).toBe('ete-a-l-ecole');
    expect(shortAddressFrom('😀 ✨', 'survey')).toBe('survey');
  });
});
