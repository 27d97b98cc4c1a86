// The demo's bystander podcast votes, made through the votes' own store
// functions as an officer would: one open now, with three pupils' podcasts
// (invented schools, first names only, real transcripts, audio made here by
// demoPodcastMp3), one vote per browser and a soft network threshold; and one
// that closed a year ago, voted on with codes by three schools, its results
// published, one school so small its figures are withheld.
import { type Database, newId, staff, voteBallots, voteCodes, votes } from '@safer-voices/db';
import { eq } from 'drizzle-orm';
import { storeAudio } from '../votes/audio/store';
import { createCodeBatch, RECEIPT_LENGTH, randomCode } from '../votes/codes';
import { publishResults } from '../votes/publish-results';
import { addEntry, createVote, findVote, publishVote, type VoteRow } from '../votes/vote-store';
import { demoPodcastMp3 } from './podcast-audio';
import { seededRandom } from './random';

const DAY = 86_400_000;

/** The open vote's address, /v/stand-up-speak-out, short enough to read out in an assembly. */
export const DEMO_VOTE_SLUG = 'stand-up-speak-out';
export const DEMO_VOTE_TITLE = 'Stand up, speak out: bystander podcasts';
/** The vote that closed a year ago, with published results. */
export const DEMO_CLOSED_VOTE_SLUG = 'safe-on-the-way-home';

interface DemoEntry {
  title: string;
  groupName: string;
  firstNames: string;
  transcript: string;
  seconds: number;
}

const OPEN_ENTRIES: DemoEntry[] = [
  {
    title: 'Speak up on the bus',
    groupName: 'Norton Vale School, Year 9',
    firstNames: 'Amir, Jess and Kai',
    seconds: 5,
    transcript: [
      'Amir: This is our podcast about the bus home. Sometimes people get picked on at the back, and everyone just looks at their phone.',
      'Jess: You don’t have to do anything big or risky. You can sit near the person, ask them if they’re OK, or just talk to them about something normal.',
      'Kai: And you can tell the driver. That’s what they’re there for. If someone is in danger, call 999.',
      'Amir: Afterwards, tell a teacher or someone you trust what you saw. That helps too.'
    ].join('\n\n')
  },
  {
    title: 'Not just a joke online',
    groupName: 'St Aldhelm’s Academy, Year 8',
    firstNames: 'Maya and Theo',
    seconds: 4,
    transcript: [
      'Maya: When someone posts something nasty about a person in a group chat, it can feel like nobody cares, because nobody says anything.',
      'Theo: You can send a private message to the person it’s about, so they know someone is on their side.',
      'Maya: Don’t share it or like it. Report it on the app, and screenshot it in case an adult needs to see it.',
      'Theo: Then talk to a parent, a teacher or someone you trust. If anyone is threatened with harm, call 999.'
    ].join('\n\n')
  },
  {
    title: 'Safer in town on a Saturday',
    groupName: 'Midsomer Youth Club',
    firstNames: 'Priya, Sam and Ellie',
    seconds: 5,
    transcript: [
      'Priya: We went round the town centre and asked people what they’d do if they saw someone being harassed.',
      'Sam: Most people said they’d want to help but didn’t know how. So here are some safe ways.',
      'Ellie: Stay with your friends and keep your distance if it looks dangerous. Go into a shop or café and ask the staff for help.',
      'Sam: Tell a security guard or a police officer, and call 999 in an emergency. Later on, check in with the person who was targeted, if you know them.',
      'Priya: You don’t have to be a hero. Small things, done safely, really help.'
    ].join('\n\n')
  }
];

const CLOSED_ENTRIES: DemoEntry[] = [
  {
    title: 'The walk from the station',
    groupName: 'Radstock Park School, Year 10',
    firstNames: 'Leah and Josh',
    seconds: 4,
    transcript: [
      'Leah: Our podcast is about walking home from the station when it’s dark.',
      'Josh: If someone is following a person or shouting at them, you can cross over and walk with them, or wait with them somewhere busy and bright.',
      'Leah: Call 999 if anyone is in danger. And tell an adult you trust when you get home.'
    ].join('\n\n')
  },
  {
    title: 'Look out for your mates',
    groupName: 'Keynsham Brook School, Year 9',
    firstNames: 'Ruby, Ali and Finn',
    seconds: 4,
    transcript: [
      'Ruby: Looking out for your mates means noticing when something isn’t right.',
      'Ali: If a friend is being pressured or picked on, help them leave, and go together.',
      'Finn: You can always tell a teacher, or call 999 in an emergency.'
    ].join('\n\n')
  },
  {
    title: 'Everyone deserves a safe ride',
    groupName: 'Combe Hay Primary, Year 6',
    firstNames: 'Isla and Noah',
    seconds: 4,
    transcript: [
      'Isla: On the school bus, some people say mean things to younger children.',
      'Noah: If you see that, sit with the person who is upset and tell the driver or your teacher.',
      'Isla: Being kind is a kind of bravery too.'
    ].join('\n\n')
  }
];

/** The closed vote's schools (the labels of their voting codes) and how many of their codes were used; the last is below the threshold. */
const CLOSED_SCHOOLS = [
  { label: 'Radstock Park School', codes: 120, voted: 108, leaning: [5, 3, 2] },
  { label: 'Keynsham Brook School', codes: 90, voted: 83, leaning: [2, 5, 2] },
  { label: 'Combe Hay Primary', codes: 12, voted: 8, leaning: [1, 1, 3] }
] as const;

/** Votes of the largest school excluded on review, and why. */
const EXCLUDED = { votes: 6, reason: 'Cast in a burst from one network at 2 am, outside the school’s voting session' };

async function demoOfficer(db: Database, organisationId: string): Promise<string> {
  const [officer] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, 'officer@demo.safervoices.test'));
  const [anyone] = officer ? [officer] : await db.select({ id: staff.id }).from(staff).where(eq(staff.organisationId, organisationId)).limit(1);
  if (!anyone) throw new Error('The demo votes need a member of staff of the demo organisation');
  return anyone.id;
}

async function voteWithEntries(db: Database, organisationId: string, staffId: string, slug: string, input: Parameters<typeof createVote>[3], entries: DemoEntry[], seed: number) {
  const created = await createVote(db, organisationId, staffId, input);
  await db.update(votes).set({ slug }).where(eq(votes.id, created.id));
  const vote = (await findVote(db, created.id)) as VoteRow;
  const entryIds: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const audio = await storeAudio(db, organisationId, demoPodcastMp3(seed + i, entry.seconds));
    const { seconds: _, ...fields } = entry;
    entryIds.push(await addEntry(db, vote, staffId, { input: { ...fields, consentConfirmed: true }, audioId: audio.id }));
  }
  await publishVote(db, vote, staffId);
  return { vote, entryIds };
}

/** Adds the demo votes unless the open one is there already (so a second run changes nothing). */
export async function seedDemoVotes(db: Database, organisationId: string, { now = Date.now(), seed = 2026 } = {}): Promise<void> {
  const [existing] = await db.select({ id: votes.id }).from(votes).where(eq(votes.slug, DEMO_VOTE_SLUG));
  if (existing) return;
  const staffId = await demoOfficer(db, organisationId);

  await voteWithEntries(
    db,
    organisationId,
    staffId,
    DEMO_VOTE_SLUG,
    {
      title: DEMO_VOTE_TITLE,
      introduction:
        'Pupils from local schools and a youth club made these short podcasts about stepping in safely when someone is harassed: on the bus, online and in the town centre.\n\nListen to them, or read the transcripts, and vote for the one you think would help people most. You can vote once.',
      opensAt: new Date(now - DAY),
      closesAt: new Date(now + 90 * DAY),
      requireCode: false,
      browserToken: true,
      networkThreshold: 30,
      networkWindowMinutes: 10
    },
    OPEN_ENTRIES,
    seed
  );

  // A year ago: published while open, voted on with codes, closed, reviewed and its results published.
  const closesAt = now - 365 * DAY;
  const opensAt = closesAt - 21 * DAY;
  const { vote, entryIds } = await voteWithEntries(
    db,
    organisationId,
    staffId,
    DEMO_CLOSED_VOTE_SLUG,
    {
      title: `Safe on the way home: podcasts ${new Date(closesAt).getUTCFullYear()}`,
      introduction: 'Pupils made podcasts about getting home safely. Each pupil voted once, with a code from their school.',
      opensAt: new Date(now + DAY),
      closesAt: new Date(now + 2 * DAY),
      requireCode: true,
      browserToken: false,
      networkThreshold: null,
      networkWindowMinutes: 10
    },
    CLOSED_ENTRIES,
    seed + 10
  );
  const random = seededRandom(seed);
  const ballots: (typeof voteBallots.$inferInsert)[] = [];
  for (const school of CLOSED_SCHOOLS) {
    const batchId = await createCodeBatch(db, vote, staffId, school.label, school.codes);
    const codes = await db.select({ id: voteCodes.id }).from(voteCodes).where(eq(voteCodes.batchId, batchId));
    for (const code of codes.slice(0, school.voted)) {
      const excluded = school === CLOSED_SCHOOLS[0] && ballots.length < EXCLUDED.votes;
      ballots.push({
        id: newId(),
        voteId: vote.id,
        entryId: entryIds[random.weighted(school.leaning)] as string,
        receipt: randomCode(RECEIPT_LENGTH),
        castAt: new Date(opensAt + random.int(1, 20) * DAY + random.int(9 * 60, 15 * 60) * 60_000),
        codeId: code.id,
        status: excluded ? 'excluded' : 'counted',
        decidedAt: excluded ? new Date(closesAt + DAY) : null,
        decidedBy: excluded ? staffId : null,
        decisionReason: excluded ? EXCLUDED.reason : null
      });
    }
  }
  for (let at = 0; at < ballots.length; at += 100) await db.insert(voteBallots).values(ballots.slice(at, at + 100));
  await db
    .update(votes)
    .set({ opensAt: new Date(opensAt), closesAt: new Date(closesAt), publishedAt: new Date(opensAt - DAY) })
    .where(eq(votes.id, vote.id));
  await publishResults(db, (await findVote(db, vote.id)) as VoteRow, staffId);
  await db
    .update(votes)
    .set({ resultsPublishedAt: new Date(closesAt + 2 * DAY) })
    .where(eq(votes.id, vote.id));
}
