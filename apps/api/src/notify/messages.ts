// What each announcement says. None carries an answer or anything about a
// respondent: a new flag (with its tier), or that coding has fallen behind
// (or caught up), when, and where to sign in.
import type { SafeguardingFlagTier } from '@safer-voices/db';
import type { DeliveryConfig } from './deliver';

interface Organisation {
  id: string;
  name: string;
}

export type Notice =
  | { kind: 'safeguarding_flag'; organisation: Organisation; flagId: string; tier: SafeguardingFlagTier; createdAt: Date }
  | { kind: 'coding_delayed'; organisation: Organisation; delayId: string; waitingSince: Date }
  | { kind: 'coding_caught_up'; organisation: Organisation; delayId: string; waitingSince: Date; clearedAt: Date };

/** The coding delay (minutes) after which leads are told. */
export const DELAY_NOTICE_MINUTES = 10;

/** Tiers in the queue's words. */
export const TIER_WORDS: Record<SafeguardingFlagTier, string> = {
  likely: 'likely disclosure',
  possible: 'possible disclosure',
  unchecked: 'could not be checked automatically – needs a human look'
};
const TIER_ORDER: SafeguardingFlagTier[] = ['likely', 'unchecked', 'possible'];

const queueUrl = (config: DeliveryConfig) => new URL('/staff/safeguarding', config.publicUrl).href;
const flagUrl = (config: DeliveryConfig, flagId: string) => new URL(`/staff/safeguarding/${encodeURIComponent(flagId)}`, config.publicUrl).href;
const healthUrl = (config: DeliveryConfig) => new URL('/api/health', config.publicUrl).href;

/** Times as staff in the UK read them. */
const ukTime = (at: Date) => at.toLocaleString('en-GB', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

export function webhookBody(notice: Notice, config: DeliveryConfig) {
  switch (notice.kind) {
    case 'safeguarding_flag':
      return {
        type: notice.kind,
        organisation: notice.organisation,
        flagId: notice.flagId,
        tier: notice.tier,
        createdAt: notice.createdAt.toISOString(),
        queueUrl: queueUrl(config),
        flagUrl: flagUrl(config, notice.flagId)
      };
    case 'coding_delayed':
      return {
        type: notice.kind,
        organisation: notice.organisation,
        delayId: notice.delayId,
        waitingSince: notice.waitingSince.toISOString(),
        queueUrl: queueUrl(config),
        healthUrl: healthUrl(config)
      };
    case 'coding_caught_up':
      return {
        type: notice.kind,
        organisation: notice.organisation,
        delayId: notice.delayId,
        waitingSince: notice.waitingSince.toISOString(),
        clearedAt: notice.clearedAt.toISOString(),
        queueUrl: queueUrl(config)
      };
  }
}

export interface Email {
  subject: string;
  text: string;
}

const footer = (config: DeliveryConfig, aboutAnAnswer: boolean) => [
  '',
  `Open the safeguarding queue: ${queueUrl(config)}`,
  ...(aboutAnAnswer ? ['', 'This message does not include the answer. Sign in as a safeguarding lead to read it.'] : []),
  '',
  '— Safer Voices'
];

/** One e-mail for all the flags waiting for the same address, with how many of each tier. */
export function flagsEmail(flags: Extract<Notice, { kind: 'safeguarding_flag' }>[], config: DeliveryConfig): Email {
  const organisation = flags[0]?.organisation.name ?? '';
  const many = flags.length > 1;
  const tiers = TIER_ORDER.map((tier) => [tier, flags.filter((f) => f.tier === tier).length] as const).filter(([, n]) => n > 0);
  return {
    subject: many ? `${flags.length} new safeguarding flags – ${organisation}` : `New safeguarding flag – ${organisation}`,
    text: [
      many ? `${flags.length} answers have been flagged for a safeguarding lead to read (${organisation}).` : `An answer has been flagged for a safeguarding lead to read (${organisation}).`,
      '',
      many ? `Tiers: ${tiers.map(([tier, n]) => `${n} ${TIER_WORDS[tier]}`).join('; ')}.` : `Tier: ${TIER_WORDS[flags[0]?.tier ?? 'possible']}.`,
      ...footer(config, true)
    ].join('\n')
  };
}

export function delayEmail(notice: Exclude<Notice, { kind: 'safeguarding_flag' }>, config: DeliveryConfig): Email {
  const organisation = notice.organisation.name;
  if (notice.kind === 'coding_caught_up') {
    return {
      subject: `Coding has caught up – ${organisation}`,
      text: [
        `Coding has caught up (${organisation}): new answers are being checked for safeguarding concerns again, within seconds of arriving.`,
        '',
        `The delay began with an answer stored at ${ukTime(notice.waitingSince)} and ended at ${ukTime(notice.clearedAt)}. Answers that waited have now been checked: any that were flagged are in the queue.`,
        ...footer(config, false)
      ].join('\n')
    };
  }
  return {
    subject: `Coding is delayed – ${organisation}`,
    text: [
      `Answers to your surveys (${organisation}) have waited more than ${DELAY_NOTICE_MINUTES} minutes to be checked for safeguarding concerns. The oldest was stored at ${ukTime(notice.waitingSince)}.`,
      '',
      'Until coding catches up, a disclosure in a new answer will not reach the safeguarding queue. Please tell whoever runs Safer Voices for you.',
      `They can see the delay at ${healthUrl(config)}.`,
      '',
      'You will get one more message when coding has caught up.',
      ...footer(config, false)
    ].join('\n')
  };
}
