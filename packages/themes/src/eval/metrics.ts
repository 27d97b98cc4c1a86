import { AUTO_CODE_PRECISION } from '../model/calibrate';
import { answerCertaintyOf } from '../model/certainty';

/** One answer's gold labels and what the coder said. */
export interface Scored {
  gold: Set<string>;
  goldSafeguarding: boolean;
  /** Confidence per theme id; 0.5 is the decision boundary. */
  confidence: Map<string, number>;
  safeguardingFlag: boolean;
  /** The flag's tier: only `likely` answers count for the likely-tier figures. */
  safeguardingTier?: 'likely' | 'possible' | null;
  /** The coder's answer-level certainty; by default the product over themes of 0.5 + |confidence − 0.5|. */
  certainty?: number;
  /** Whether the coder sent the answer to review (its own auto-coding threshold). */
  review?: boolean;
}

export interface ThemeMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  macro_f1: number;
  micro_f1: number;
  per_theme: Record<string, ThemeMetrics>;
  /** Both tiers together, and the `likely` tier alone (its recall is of all disclosures). */
  safeguarding: { precision: number; recall: number; likely: { precision: number; recall: number } };
  coverage_at_95: number;
  /**
   * What the coder's own threshold (fitted on training folds only) auto-codes:
   * share, the precision of its "yes" codes, and the precision it claims.
   */
  auto_coded: { share: number; precision: number; claimed: number };
  answers_per_second: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Share of answers that can be auto-coded: answers are ranked by their
 * answer-level certainty (the probability that every theme decision is
 * right), and we take the largest top share whose pooled "yes" codes are
 * ≥ 95% precise. The rest go to review.
 */
export function coverageAt(scored: Scored[], themeIds: string[], precision = 0.95): number {
  const ranked = scored.map((s) => ({ s, certainty: s.certainty ?? answerCertaintyOf(themeIds.map((id) => s.confidence.get(id) ?? 0)) })).sort((a, b) => b.certainty - a.certainty);
  let tp = 0;
  let fp = 0;
  let covered = 0;
  ranked.forEach(({ s, certainty }, i) => {
    for (const id of themeIds) {
      if ((s.confidence.get(id) ?? 0) < 0.5) continue;
      if (s.gold.has(id)) tp++;
      else fp++;
    }
    const next = ranked[i + 1];
    // Only cut between answers of different certainty.
    if ((tp + fp === 0 || tp / (tp + fp) >= precision) && (!next || next.certainty < certainty)) covered = i + 1;
  });
  return ratio(covered, scored.length);
}

/** Share of answers the coder itself would auto-code, and the precision of their "yes" codes. */
export function autoCoded(scored: Scored[], themeIds: string[]): Report['auto_coded'] {
  const auto = scored.filter((s) => s.review === false);
  let tp = 0;
  let fp = 0;
  for (const s of auto) {
    for (const id of themeIds) {
      if ((s.confidence.get(id) ?? 0) < 0.5) continue;
      if (s.gold.has(id)) tp++;
      else fp++;
    }
  }
  return { share: round(ratio(auto.length, scored.length)), precision: round(tp + fp === 0 ? 1 : tp / (tp + fp)), claimed: AUTO_CODE_PRECISION };
}

export function report(scored: Scored[], themeIds: string[], answersPerSecond: number): Report {
  const perTheme: Record<string, ThemeMetrics> = {};
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  for (const id of themeIds) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of scored) {
      const predicted = (s.confidence.get(id) ?? 0) >= 0.5;
      if (predicted && s.gold.has(id)) tp++;
      else if (predicted) fp++;
      else if (s.gold.has(id)) fn++;
    }
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    const p = ratio(tp, tp + fp);
    const r = ratio(tp, tp + fn);
    perTheme[id] = { precision: round(p), recall: round(r), f1: round(f1(p, r)), support: tp + fn };
  }
  const withSupport = themeIds.filter((id) => (perTheme[id]?.support ?? 0) > 0);
  const macro = ratio(
    withSupport.reduce((sum, id) => sum + (perTheme[id]?.f1 ?? 0), 0),
    withSupport.length
  );
  const sgTp = scored.filter((s) => s.safeguardingFlag && s.goldSafeguarding).length;
  const sgFlagged = scored.filter((s) => s.safeguardingFlag).length;
  const sgGold = scored.filter((s) => s.goldSafeguarding).length;
  const likely = scored.filter((s) => s.safeguardingTier === 'likely');
  const likelyTp = likely.filter((s) => s.goldSafeguarding).length;
  return {
    macro_f1: round(macro),
    micro_f1: round(f1(ratio(tpAll, tpAll + fpAll), ratio(tpAll, tpAll + fnAll))),
    per_theme: perTheme,
    safeguarding: {
      precision: round(ratio(sgTp, sgFlagged)),
      recall: round(ratio(sgTp, sgGold)),
      likely: { precision: round(ratio(likelyTp, likely.length)), recall: round(ratio(likelyTp, sgGold)) }
    },
    coverage_at_95: round(coverageAt(scored, themeIds)),
    auto_coded: autoCoded(scored, themeIds),
    answers_per_second: Math.round(answersPerSecond)
  };
}

/** The per-theme table printed above the JSON line. */
export function formatTable(r: Report): string {
  const lines = ['theme                  precision  recall     f1  support'];
  for (const [id, m] of Object.entries(r.per_theme)) {
    lines.push(`${id.padEnd(22)} ${m.precision.toFixed(3).padStart(9)} ${m.recall.toFixed(3).padStart(7)} ${m.f1.toFixed(3).padStart(6)} ${String(m.support).padStart(8)}`);
  }
  lines.push(`${'safeguarding'.padEnd(22)} ${r.safeguarding.precision.toFixed(3).padStart(9)} ${r.safeguarding.recall.toFixed(3).padStart(7)}`);
  const likely = r.safeguarding.likely;
  lines.push(`${'  likely tier alone'.padEnd(22)} ${likely.precision.toFixed(3).padStart(9)} ${likely.recall.toFixed(3).padStart(7)}`);
  lines.push(`macro-F1 ${r.macro_f1}  micro-F1 ${r.micro_f1}  coverage@95 ${r.coverage_at_95}  answers/s ${r.answers_per_second}`);
  lines.push(`auto-coded by the coder's own threshold: ${r.auto_coded.share} of answers, "yes" precision claimed ${r.auto_coded.claimed}, realised ${r.auto_coded.precision}`);
  return lines.join('\n');
}
