// Audit entries for safeguarding and coding: every look at the safeguarding
// queue and every change to it is recorded, like sign-ins and role changes.
import { randomUUID } from 'node:crypto';
import { auditLog, type Database } from '@safer-voices/db';

export type CodingAuditAction = 'safeguarding.flags_listed' | 'safeguarding.flag_viewed' | 'safeguarding.flag_updated' | 'coding.recode_started';

export interface CodingAuditEntry {
  organisationId: string;
  actorStaffId: string;
  action: CodingAuditAction;
  target?: { type: 'safeguarding_flag' | 'job'; id: string };
  detail?: Record<string, unknown>;
}

export function codingAuditStatement(db: Database, entry: CodingAuditEntry) {
  return db.insert(auditLog).values({
    id: randomUUID(),
    organisationId: entry.organisationId,
    actorStaffId: entry.actorStaffId,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    detail: entry.detail ?? null
  });
}
