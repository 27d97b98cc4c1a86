// Who may do what, in one place: one policy per noun, each naming the roles
// that may take each action on it. The API's guards (requirePolicy) and the
// web app's links and page guards both read this table, so they cannot
// disagree. Organisation reach (auth/scope.ts) is checked separately: a role
// lets someone act, reach decides on what.
//
// This module imports nothing at run time, so the browser bundle may use it.
import type { StaffRole } from '@safer-voices/db';
import { answerPolicy } from './answer';
import { codebookPolicy } from './codebook';
import { collectionPolicy } from './collection';
import { findingsPolicy } from './findings';
import { flagPolicy } from './flag';
import { questionnairePolicy } from './questionnaire';
import { reportPolicy } from './report';
import { seriesPolicy } from './series';
import { settingsPolicy } from './settings';
import { staffPolicy } from './staff';
import { strategyPolicy } from './strategy';
import { votePolicy } from './vote';

export const POLICIES = {
  questionnaire: questionnairePolicy,
  findings: findingsPolicy,
  codebook: codebookPolicy,
  answer: answerPolicy,
  collection: collectionPolicy,
  flag: flagPolicy,
  settings: settingsPolicy,
  staff: staffPolicy,
  series: seriesPolicy,
  strategy: strategyPolicy,
  report: reportPolicy,
  vote: votePolicy
} as const;

export type Noun = keyof typeof POLICIES;
export type Action<N extends Noun> = keyof (typeof POLICIES)[N] & string;

/** The roles that may take the action, in the order the refusal message names them. */
export const rolesFor = <N extends Noun>(noun: N, action: Action<N>): readonly StaffRole[] => (POLICIES[noun] as Record<string, readonly StaffRole[]>)[action] ?? [];

/** Whether someone holding these roles may take the action (in an organisation they reach). */
export const may = <N extends Noun>(who: { roles: readonly string[] } | null | undefined, noun: N, action: Action<N>): boolean => {
  const allowed = rolesFor(noun, action) as readonly string[];
  return !!who && who.roles.some((role) => allowed.includes(role));
};
