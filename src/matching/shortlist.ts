/**
 * Short lists: the best few e-mentors for each trainee, with no e-mentor shown in more short
 * lists than they have room for (twice their free places, less the lists they are already in).
 * Pure. Picks go round the trainees one at a time, those with the fewest options first, so a
 * popular e-mentor's room is shared out rather than used up by whoever came first.
 */
import type { PairScore, Reason } from './scoring';

/** How many times their free places an e-mentor may appear in open short lists. */
export const SHORTLIST_EXPOSURE = 2;
export const SHORTLIST_SIZE = 3;
/** Letters run A to H (three lists of three, less one): "I" would read as a word in "I choose B". */
export const SHORTLIST_LETTERS = 'ABCDEFGH';

export interface ShortlistInput {
  trainees: { id: number; wanted: number; exclude: ReadonlySet<number> }[];
  /** `room`: how many more short lists this e-mentor may appear in. */
  mentors: { id: number; room: number }[];
  /** scores[i][j]: trainee i with e-mentor j. */
  scores: PairScore[][];
}

export interface Pick {
  mentorId: number;
  points: number;
  reasons: Reason[];
}

/** The room an e-mentor has left: twice their free places less the open short lists they are in. */
export function shortlistRoom(freePlaces: number, openShortlists: number): number {
  return Math.max(0, SHORTLIST_EXPOSURE * Math.max(0, freePlaces) - openShortlists);
}

/** Each trainee's picks, best first. */
export function pickShortlists(input: ShortlistInput): Map<number, Pick[]> {
  const { trainees, mentors, scores } = input;
  const room = mentors.map((m) => m.room);
  const usable = (i: number, j: number) => scores[i][j].eligible && !trainees[i].exclude.has(mentors[j].id);
  const options = trainees.map((_, i) => mentors.filter((_m, j) => usable(i, j) && room[j] > 0).length);
  const order = trainees.map((_, i) => i).sort((a, b) => options[a] - options[b] || trainees[a].id - trainees[b].id);
  const picked: number[][] = trainees.map(() => []);
  const points = (i: number, j: number) => {
    const s = scores[i][j];
    return s.eligible ? s.points : -1;
  };

  const rounds = Math.max(0, ...trainees.map((t) => t.wanted));
  for (let round = 0; round < rounds; round++) {
    for (const i of order) {
      if (picked[i].length >= trainees[i].wanted) continue;
      let best = -1;
      for (let j = 0; j < mentors.length; j++) {
        if (room[j] <= 0 || !usable(i, j) || picked[i].includes(j)) continue;
        if (best === -1 || points(i, j) > points(i, best) || (points(i, j) === points(i, best) && mentors[j].id < mentors[best].id))
          best = j;
      }
      if (best === -1) continue;
      picked[i].push(best);
      room[best]--;
    }
  }

  const result = new Map<number, Pick[]>();
  trainees.forEach((t, i) => {
    const picks = picked[i]
      .map((j) => {
        const s = scores[i][j] as Extract<PairScore, { eligible: true }>;
        return { mentorId: mentors[j].id, points: s.points, reasons: s.reasons };
      })
      .sort((a, b) => b.points - a.points || a.mentorId - b.mentorId);
    result.set(t.id, picks);
  });
  return result;
}
