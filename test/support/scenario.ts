/**
 * A simulated year of the scheme: people who answer, stay silent or pause, and mentors who
 * reply or do not. Used with fake mail (unit) and with real Dovecot and Postfix (end to end).
 */
export type TraineeHabit = 'answers' | 'silent' | 'pauses_then_answers';
export type MentorHabit = 'replies' | 'silent';

export interface Actor {
  email: string;
  name: string;
  habit: TraineeHabit | MentorHabit;
}

/** What arrived for someone, enough to decide and to reply. */
export interface Arrived {
  subject: string;
  text: string;
}

export const PAUSE_UNTIL = '2027-06-30';

/** What this person writes back to this message, or null to stay silent. */
export function reaction(actor: Actor, mail: Arrived, answersText: string, alreadyPaused: boolean): string | null {
  const isQuestionnaire = /^E-mentoring questionnaire, round \d+$/.test(mail.subject);
  switch (actor.habit) {
    case 'answers':
      return isQuestionnaire ? answersText : null;
    case 'pauses_then_answers':
      if (!isQuestionnaire) return null;
      return alreadyPaused ? answersText : `PAUSE until ${PAUSE_UNTIL}`;
    case 'replies':
      // The forward of a questionnaire (or an addendum to one); not the reminder about it.
      return /^(?:Addendum: q|Q)uestionnaire from .+, round \d+$/.test(mail.subject)
        ? 'Thank you, this is great progress. Let us talk about the exam plan next time.\n\nBest,\nJ'
        : null;
    case 'silent':
      return null;
  }
}

/**
 * The exact mail each person should receive over 2027 with rounds every two months from
 * 4 January (six rounds), two reminders at most, and the habits above.
 */
export const EXPECTED_YEAR = {
  // questionnaire + receipt + relayed feedback, six rounds
  'priya@example.test': { questionnaire: 6, receipt: 6, relay_to_trainee: 6 },
  // questionnaire + 2 reminders, six rounds; never answers
  'tom@example.test': { questionnaire: 6, reminder: 12 },
  // answers every round; her mentor never replies
  'ana@example.test': { questionnaire: 6, receipt: 6 },
  // round 1, then paused until 30 June: rounds 2 and 3 skipped; rounds 4 to 6 answered
  'sam@example.test': { questionnaire: 4, confirm_pause: 1, receipt: 3, relay_to_trainee: 3 },
  'jane@example.test': { forward: 9 },
  // never replies: a nudge 7 days after each forward, then the two reminders
  'david@example.test': { forward: 6, health_nudge: 6, mentor_reminder: 12 },
  // health alerts, one per round at most: Ana and David every round (no reply after 14
  // days); Tom rounds 2 to 6 (questionnaires unanswered); Priya rounds 3 to 6 and Sam round 6
  // (Jane's replies are short, 16 words, three rounds in a row)
  'coordinator@example.test': { alert_lapsed: 6, alert_mentor_silent: 6, alert_health: 16 },
} as const;

export const YEAR_ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Priya Patel,priya@example.test,Jane Smith,jane@example.test,2027-01-04
Tom Okafor,tom@example.test,Jane Smith,jane@example.test,2027-01-04
Ana Lopez,ana@example.test,David Brown,david@example.test,2027-01-04
Sam Green,sam@example.test,Jane Smith,jane@example.test,2027-01-04
`;

export const YEAR_ACTORS: Actor[] = [
  { email: 'priya@example.test', name: 'Priya Patel', habit: 'answers' },
  { email: 'tom@example.test', name: 'Tom Okafor', habit: 'silent' },
  { email: 'ana@example.test', name: 'Ana Lopez', habit: 'answers' },
  { email: 'sam@example.test', name: 'Sam Green', habit: 'pauses_then_answers' },
  { email: 'jane@example.test', name: 'Jane Smith', habit: 'replies' },
  { email: 'david@example.test', name: 'David Brown', habit: 'silent' },
];
