// Safeguarding flag tiers in the words the queue uses, in its order: likely
// disclosures first, then answers no machine could check, then possible ones.
export const TIERS = [
  { value: 'likely', label: 'Likely disclosure', one: 'likely disclosure', many: 'likely disclosures' },
  {
    value: 'unchecked',
    label: 'Could not be checked automatically – needs a human look',
    one: 'answer could not be checked automatically',
    many: 'answers could not be checked automatically'
  },
  { value: 'possible', label: 'Possible disclosure', one: 'possible disclosure', many: 'possible disclosures' }
] as const;

export type FlagTier = (typeof TIERS)[number]['value'];

export const tierOf = (value: string) => TIERS.find((t) => t.value === value) ?? TIERS[2];

/** How many flags of each tier, in the queue's order, leaving out tiers with none. */
export function tierCounts(flags: readonly { tier: string }[]) {
  return TIERS.map((tier) => {
    const count = flags.filter((f) => f.tier === tier.value).length;
    return { value: tier.value, count, words: count === 1 ? tier.one : tier.many };
  }).filter((t) => t.count > 0);
}

/** The distinct words that raised a flag, in the order they appear. */
export function triggerWords(evidence: readonly { start: number; text: string }[]): string[] {
  const words = [...evidence].sort((a, b) => a.start - b.start).map((e) => e.text.trim());
  return [...new Set(words.filter((w) => w.length > 0))];
}
