import { activeBetween, createEvaluation } from '../db/evaluations';
import type { Db } from '../db/open';
import { getPerson } from '../db/people';
import { startOfLocalDay } from '../schedule/calendar';

export interface Opened {
  year: number;
  /** People active that year: a questionnaire went out to them (or to their mentee) in it. */
  trainees: number;
  mentors: number;
  /** Of the trainees, those who have since stepped back: they get the survey once, never a reminder. */
  leavers: number;
  /** Surveys added now (a second `evaluate open` for the same year adds none). */
  added: number;
}

/** Adds a survey for everyone active in `year` (local time): the tick sends them inside the sending window. */
export function openEvaluations(db: Db, year: number, timeZone: string, now: Date): Opened {
  const from = startOfLocalDay(`${year}-01-01`, timeZone);
  const to = startOfLocalDay(`${year + 1}-01-01`, timeZone);
  const people = activeBetween(db, from, to);
  return db.transaction((): Opened => {
    let added = 0;
    for (const p of people) if (createEvaluation(db, { year, person_id: p.person_id, role: p.role }, now)) added++;
    const trainees = people.filter((p) => p.role === 'trainee');
    return {
      year,
      trainees: trainees.length,
      mentors: people.length - trainees.length,
      leavers: trainees.filter((p) => getPerson(db, p.person_id).status === 'withdrawn').length,
      added,
    };
  })();
}
