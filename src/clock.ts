/** Logic never reads the wall clock itself: it is handed a Clock (or a `now`). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that says what it is told; for `tick --now` and tests. */
export function fixedClock(at: Date): Clock & { set(at: Date): void } {
  let current = new Date(at.getTime());
  return {
    now: () => new Date(current.getTime()),
    set: (next: Date) => {
      current = new Date(next.getTime());
    },
  };
}
