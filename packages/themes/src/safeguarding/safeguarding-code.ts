import type { SafeguardingCode } from '../coder/create-coder';
import type { Disclosure } from './detector';

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The safeguarding part of a coding: the disclosure detector's alone. A
 * model trained on an organisation's answers learns a safeguarding label too
 * (its rule features keep the model format stable), but its flags are not
 * used: trained on one set of writers and tested on another, it added no
 * disclosure the detector missed and hundreds of false alarms.
 */
export function safeguardingCodeOf(disclosure: Disclosure): SafeguardingCode {
  return {
    flag: disclosure.tier !== null,
    tier: disclosure.tier,
    confidence: round(disclosure.score),
    evidence: disclosure.evidence
  };
}
