// What an officer enters for a podcast vote and its entries, and what a
// voter sends: one schema each, read by the API and by the pages' forms.
// Required text needs something visible in it (zero-width spaces alone are
// empty) and limits count characters as a person does (see short-text.ts).
import { z } from 'zod';
import { requiredShortText, textUpTo } from './short-text';

const Instant = z.iso.datetime({ offset: true, message: 'Enter a date and time' }).transform((s) => new Date(s));

/** Votes from one network within the window beyond this many are held for review; the smallest sensible is a class. */
export const NETWORK_THRESHOLD_RANGE = { min: 5, max: 10_000 } as const;

export const VoteInputSchema = z
  .strictObject({
    title: requiredShortText({ empty: 'Enter a title, like “Best bystander podcast 2027”', most: 120, what: 'The title' }),
    introduction: textUpTo(2000, 'The introduction').default(''),
    opensAt: Instant,
    closesAt: Instant,
    requireCode: z.boolean().default(false),
    browserToken: z.boolean().default(true),
    networkThreshold: z
      .number({ message: 'Enter a whole number of votes, like 30' })
      .int('Enter a whole number of votes, like 30')
      .min(NETWORK_THRESHOLD_RANGE.min, `Hold votes from one network only after at least ${NETWORK_THRESHOLD_RANGE.min}`)
      .max(NETWORK_THRESHOLD_RANGE.max, `The threshold must be ${NETWORK_THRESHOLD_RANGE.max.toLocaleString('en-GB')} or fewer`)
      .nullable()
      .default(30),
    networkWindowMinutes: z.number().int('Enter a whole number of minutes').min(1, 'The window must be at least 1 minute').max(1440, 'The window must be 1,440 minutes (a day) or fewer').default(10)
  })
  .refine((v) => v.closesAt.getTime() > v.opensAt.getTime(), { message: 'The vote must close after it opens', path: ['closesAt'] })
  .refine((v) => v.requireCode || v.browserToken, { message: 'Choose voting codes, one vote per browser, or both', path: ['browserToken'] });

/** The names of a list like "Amir, Jess and Kai" (commas, "and", "&" or "/" between them). */
const namesIn = (s: string) => s.split(/\s*(?:,|&|\/|\band\b)\s*/i).filter((name) => name.trim() !== '');

/**
 * First names only: a child's surname on a public page can identify them.
 * So each name is one word (a double first name joins with a hyphen), and
 * no e-mail addresses or numbers.
 */
const FirstNames = textUpTo(300, 'The names')
  .refine((s) => !/[@\d]/.test(s), 'Give first names only, like “Amir, Jess and Kai”: no e-mail addresses or numbers')
  .refine((s) => namesIn(s).every((name) => !/\s/.test(name.trim())), 'Give first names only, like “Amir, Jess and Kai”, with no surnames (join a double first name with a hyphen: “Mary-Ann”)')
  .default('');

export const EntryInputSchema = z.strictObject({
  title: requiredShortText({ empty: 'Enter the podcast’s title', most: 120, what: 'The title' }),
  groupName: requiredShortText({ empty: 'Enter the school or group that made it', most: 120, what: 'The school or group' }),
  firstNames: FirstNames,
  transcript: textUpTo(50_000, 'The transcript').default(''),
  /** Ticked by the officer: parental consent is held for every child heard or named. */
  consentConfirmed: z.boolean().default(false)
});

export const TakedownInputSchema = z.strictObject({
  reason: requiredShortText({ empty: 'Say why it is being taken down', most: 500, what: 'The reason' })
});

export const CodeBatchInputSchema = z.strictObject({
  label: requiredShortText({ empty: 'Name the school, class or event, like “Year 8, Norton Hill”', most: 120, what: 'The name' }),
  count: z.number({ message: 'Enter how many codes, like 30' }).int('Enter a whole number of codes').min(1, 'Make at least 1 code').max(2000, 'Make at most 2,000 codes at once')
});

export const HeldDecisionInputSchema = z.strictObject({
  decision: z.enum(['count', 'exclude'], { message: 'Choose whether to count or exclude these votes' }),
  reason: requiredShortText({ empty: 'Say why', most: 500, what: 'The reason' })
});

/** A voting code as printed: letters and digits, read without the dashes or spaces people type. */
export const normaliseVotingCode = (s: string) => s.toUpperCase().replace(/[\s-]+/g, '');

export const BallotInputSchema = z.strictObject({
  entryId: z.string({ message: 'Choose a podcast to vote for' }).min(1, 'Choose a podcast to vote for').max(100),
  code: z.string().max(40, 'A voting code is shorter than this').transform(normaliseVotingCode).optional(),
  /** The browser's token (the vote page's cookie), for votes that allow one vote per browser. */
  browserToken: z.string().min(16).max(200).optional(),
  /** Chosen by the page: the same submission twice is one vote. */
  idempotencyKey: z.string().min(8).max(200).optional()
});

export const ReceiptInputSchema = z.strictObject({
  receipt: z.string().max(40, 'A receipt code is shorter than this').transform(normaliseVotingCode)
});

export type VoteInput = z.infer<typeof VoteInputSchema>;
export type EntryInput = z.infer<typeof EntryInputSchema>;
export type BallotInput = z.infer<typeof BallotInputSchema>;
