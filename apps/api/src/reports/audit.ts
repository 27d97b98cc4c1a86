// Audit entries for reports and quote clearances, in the audit log every
// other change is recorded in (see auth/audit.ts), batched with the change.
import { auditLog, type Database, newId } from '@safer-voices/db';

export type ReportAuditAction = 'report.created' | 'report.saved' | 'report.published' | 'report.quote_cleared';

export function reportAuditStatement(
  db: Database,
  entry: { organisationId: string; actorStaffId: string; action: ReportAuditAction; target: { type: 'report' | 'answer'; id: string }; detail?: Record<string, unknown> }
) {
  return db.insert(auditLog).values({
    id: newId(),
    organisationId: entry.organisationId,
    actorStaffId: entry.actorStaffId,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    detail: entry.detail ?? null
  });
}
