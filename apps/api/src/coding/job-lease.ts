// Which process works on a re-coding job. With several API nodes on one
// database, each node's background coder would otherwise take the same job
// and code every chunk twice. A job is leased instead: its `updated_at` is
// the lease's stamp, and a process holds the job while the stamp is the one
// it wrote last. Taking a job, and each chunk moving its cursor on, is a
// conditional update on that stamp, so only one process can succeed. A job
// not moved on for JOB_LEASE_MS (its process died, or stalled) may be taken
// by another, which carries on from the cursor.
import { type Database, jobs } from '@safer-voices/db';
import { and, eq } from 'drizzle-orm';
import type { Job } from './recode-job';

/**
 * How long a job stays with the process that last moved it on. A chunk takes
 * well under a second, so only a process that has stopped leaves it this
 * long; after a crash the job waits this long at most before another node
 * carries on.
 */
export const JOB_LEASE_MS = 10_000;

/** The stamp for the next write to a job: later than the one there, so it always changes. */
export const stampAfter = (previous: Date, now: Date) => new Date(Math.max(now.getTime(), previous.getTime() + 1));

/** The stamps one process wrote to the jobs it holds, by job id. */
export class JobLeases {
  private readonly stamps = new Map<string, number>();

  /** Whether this process moved the job on last and still holds it. */
  holds(job: Job): boolean {
    return job.status === 'running' && this.stamps.get(job.id) === job.updatedAt.getTime();
  }

  /** Whether the job is free to take: never started, or left alone too long. */
  free(job: Job, now: Date): boolean {
    return job.status === 'queued' || (job.status === 'running' && now.getTime() - job.updatedAt.getTime() >= JOB_LEASE_MS);
  }

  /** Take the job for this process if it is still as it was read; null if another took it first. */
  async take(db: Database, job: Job, now: Date): Promise<Job | null> {
    const [taken] = await db
      .update(jobs)
      .set({ status: 'running', startedAt: job.startedAt ?? now, updatedAt: stampAfter(job.updatedAt, now) })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, job.status), eq(jobs.updatedAt, job.updatedAt)))
      .returning();
    if (taken) this.remember(taken);
    return taken ?? null;
  }

  /** Note the job as this process last wrote it (a finished job is no longer held). */
  remember(job: Job) {
    if (job.status === 'running') this.stamps.set(job.id, job.updatedAt.getTime());
    else this.stamps.delete(job.id);
  }

  forget(jobId: string) {
    this.stamps.delete(jobId);
  }

  /** The stamp this process holds the job by, if it does. */
  stampOf(jobId: string): Date | null {
    const stamp = this.stamps.get(jobId);
    return stamp === undefined ? null : new Date(stamp);
  }
}

/** The leases of this process: every background coder in it works as one node. */
export const processLeases = new JobLeases();
