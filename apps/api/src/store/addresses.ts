// Public addresses made from a title (/s/<slug>, /reports/<slug>, /v/<slug>),
// written once: lower-case words joined by dashes, accents dropped, then a
// few random characters so two of the same title do not collide.
import { randomBytes } from 'node:crypto';

export function addressFrom(title: string, fallback: string, { words = 48, randomHex = 8 } = {}): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, words)
    .replace(/-+$/g, '');
  return `${base || fallback}-${randomBytes(Math.ceil(randomHex / 2))
    .toString('hex')
    .slice(0, randomHex)}`;
}

/**
 * A short address a child can type from a slip: the title's first words,
 * lower-case, at most `length` characters, cut between words, with no random
 * part (see freeQuestionnaireAddress for how it is kept unique).
 */
export function shortAddressFrom(title: string, fallback: string, length = 30): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let base = '';
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > length) break;
    base = next;
  }
  // A first word longer than the limit is cut rather than dropped.
  if (!base && words[0]) base = words[0].slice(0, length);
  return base || fallback;
}

/** Whether `address` is `base` itself or `base` numbered (base-2, base-3, …), as freeQuestionnaireAddress makes them. */
export const isAddressFor = (address: string, base: string) => address === base || (address.startsWith(`${base}-`) && /^(?:[2-9]|[1-9]\d+)$/.test(address.slice(base.length + 1)));
