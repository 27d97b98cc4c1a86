// Group commit, written once for responses and ballots: items that arrive
// together are handed to `commit` as one batch, so each pays for one durable
// commit instead of its own, and each is settled only by that commit. At most
// `inFlight` batches are with the writer at once; items that arrive meanwhile
// gather into the next batch, so a busy writer gets few, large batches.

export interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  maxBatch: number;
  inFlight: number;
}

/** `commit` settles every item of its batch; if it throws, those it left are rejected with its error. */
export function groupCommit<T, R>(commit: (batch: Waiting<T, R>[]) => Promise<void>, { maxBatch, inFlight: most }: GroupCommitOptions): (item: T) => Promise<R> {
  const queue: Waiting<T, R>[] = [];
  let scheduled = false;
  let inFlight = 0;

  function flush() {
    scheduled = false;
    while (queue.length > 0 && inFlight < most) {
      const batch = queue.splice(0, maxBatch);
      inFlight += 1;
      commit(batch)
        .catch((error) => {
          for (const w of batch) w.reject(error);
        })
        .finally(() => {
          inFlight -= 1;
          flush();
        });
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // Let the items already waiting on the event loop join this batch.
        setImmediate(flush);
      }
    });
}
