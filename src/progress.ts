import cliProgress from 'cli-progress';

/**
 * Progress of a long step (sending hundreds of questionnaires, reading a full mailbox), shown
 * as a bar with counts on a terminal and not at all anywhere else: under cron, or when the
 * output goes to a file or a pipe, nothing extra is printed.
 */
export interface ProgressBar {
  increment(): void;
  stop(): void;
}

export interface Progress {
  /** A bar for `total` items; a no-op bar when the run is short or there is no terminal. */
  start(label: string, total: number): ProgressBar;
}

const NO_BAR: ProgressBar = { increment: () => undefined, stop: () => undefined };

export const noProgress: Progress = { start: () => NO_BAR };

/** Fewer items than this go by too fast for a bar to help. */
export const PROGRESS_MIN_ITEMS = 20;

/** Bars drawn on `stream` when it is a terminal; otherwise `noProgress`. */
export function terminalProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, minItems = PROGRESS_MIN_ITEMS): Progress {
  if (!stream.isTTY) return noProgress;
  return {
    start(label, total) {
      if (total < minItems) return NO_BAR;
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label.padEnd(20)} [{bar}] {value}/{total}`,
          barsize: 30,
          hideCursor: true,
          // The process's own Ctrl-C and SIGTERM handling stays in charge.
          gracefulExit: false,
        },
        cliProgress.Presets.legacy,
      );
      bar.start(total, 0);
      return {
        increment: () => bar.increment(),
        stop: () => bar.stop(),
      };
    },
  };
}
