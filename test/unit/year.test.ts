import { importRoster } from '../../src/roster/apply';
import { statusReport } from '../../src/status';
import { EXPECTED_YEAR, reaction, YEAR_ACTORS, YEAR_ROSTER } from '../support/scenario';
import { FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const DAY = 86_400_000;

/** The count of each kind of mail each person received. */
function tally(w: World): Record<string, Record<string, number>> {
  const rows = w.deps.db
    .prepare("SELECT to_address, kind, COUNT(*) AS n FROM outbox WHERE state = 'sent' GROUP BY to_address, kind")
    .all() as {
    to_address: string;
    kind: string;
    n: number;
  }[];
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.to_address] ??= {})[r.kind] = r.n;
  return out;
}

describe('a simulated year (fake mail)', () => {
  let w: World;
  afterEach(() => w.close());

  test('every person receives exactly the mail they should, however the ticks fall', async () => {
    w = makeWorld({ MENTORMAIL_ADDRESS: 'bot@example.test', MENTORMAIL_COORDINATOR: 'coordinator@example.test' });
    importRoster(w.deps.db, YEAR_ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
    let seen = 0;
    const paused = new Set<string>();
    for (let t = Date.parse('2027-01-04T10:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += DAY) {
      const day = new Date(t);
      if (day.getUTCDate() % 9 === 0) continue; // some days nobody ticks at all
      await w.tick(day);
      await w.tick(day); // twice at the same moment
      // People read and answer; their answers are read an hour later, and so on.
      for (let hour = 1; hour <= 3; hour++) {
        const fresh = w.transport.sent.slice(seen);
        seen = w.transport.sent.length;
        for (const mail of fresh) {
          const actor = YEAR_ACTORS.find((a) => a.email === mail.to.address);
          const text = actor && reaction(actor, mail, FULL_ANSWERS, paused.has(actor.email));
          if (actor && text) {
            if (text.startsWith('PAUSE')) paused.add(actor.email);
            w.source.deliver(await replyTo(mail, actor.email, text));
          }
        }
        await w.tick(new Date(t + hour * 3_600_000));
      }
    }
    expect(tally(w)).toEqual(EXPECTED_YEAR);
    const report = statusReport(w.deps.db, w.deps.config, new Date('2028-01-01T00:00:00Z'));
    // Sam paused instead of answering round 1; rounds 2 and 3 fell in the pause.
    expect(report.counts).toMatchObject({ lapsed: 6, paused: 3 });
  });
});
