// The audit log: who did what, when, to what. Written in the same batch as
// the change it records wherever possible, so neither exists without the other.
import { auditLog, type Database, newId } from '@safer-voices/db';

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_out'
  | 'staff.invite'
  | 'staff.invite_accepted'
  | 'staff.roles_changed'
  | 'staff.admin_created'
  | 'questionnaire.created'
  | 'questionnaire.published'
  | 'questionnaire.scheduled'
  | 'questionnaire.closed'
  | 'questionnaire.access_changed'
  | 'questionnaire.privacy_changed'
  | 'questionnaire.listing_changed'
  | 'access_codes.created'
  | 'safeguarding.flags_listed'
  | 'safeguarding.flag_viewed'
  | 'safeguarding.flag_updated'
  | 'coding.recode_started'
  | 'review.decided'
  | 'review.retrain_requested'
  | 'double_coding.round_created'
  | 'double_coding.finished'
  | 'codebook.saved'
  | 'settings.changed'
  | 'vote.created'
  | 'vote.changed'
  | 'vote.published'
  | 'vote.entry_added'
  | 'vote.entry_changed'
  | 'vote.entry_taken_down'
  | 'vote.codes_created'
  | 'vote.held_decided'
  | 'vote.results_published';

export interface AuditEntry {
  organisationId: string;
  actorStaffId: string | null;
  action: AuditAction;
  target?: { type: 'staff' | 'invite' | 'session' | 'organisation' | 'questionnaire' | 'safeguarding_flag' | 'job' | 'double_coding_round' | 'vote' | 'vote_entry'; id: string };
  detail?: Record<string, unknown>;
}

export function auditStatement(db: Database, entry: AuditEntry) {
  return db.insert(auditLog).values({
    id: newId(),
    organisationId: entry.organisationId,
    actorStaffId: entry.actorStaffId,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    detail: entry.detail ?? null
  });
}
