import type { SafeguardingCode } from '../coder/create-coder.js';
import type { Disclosure } from './detector.js';

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The safeguarding part of a coding. The detector decides; a model trained
 * on the organisation's own flagged answers can only add a `possible` flag
 * the detector missed, never take one away, because recall comes first.
 */
export function safeguardingCodeOf(disclosure: Disclosure, modelConfidence: number | null): SafeguardingCode {
  const byModel = disclosure.tier === null && modelConfidence !== null && modelConfidence >= 0.5;
  const tier = disclosure.tier ?? (byModel ? 'possible' : null);
  return {
    flag: tier !== null,
    tier,
    confidence: round(Math.max(disclosure.score, modelConfidence ?? 0)),
    evidence: disclosure.evidence
  };
}
