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
