// One pass at a time in the background, for the coder and the notifier: the
// first pass starts at once, and each next one the time the pass asked for
// after it ended. The timer never keeps the process alive; stop() waits for
// a pass under way. A pass deals with its own errors.

export interface BackgroundLoop {
  stop(): Promise<void>;
}

/** Run `pass` again and again; it returns how long to wait (ms) before the next. */
export function startBackgroundLoop(pass: () => Promise<number>): BackgroundLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  function after(wait: number) {
    timer = setTimeout(() => {
      running = pass().then((next) => {
        if (!stopped) after(next);
      });
    }, wait);
    timer.unref?.();
  }

  after(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    }
  };
}
