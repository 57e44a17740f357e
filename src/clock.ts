/** Logic never reads the wall clock itself: it is handed a Clock (or a `now`). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
