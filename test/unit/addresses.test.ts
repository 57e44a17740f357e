import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { buildProgram } from '../../src/cli';
import { findPersonByEmail, markAddressFailing } from '../../src/db/people';
import { MentormailError } from '../../src/errors';
import { memoryLogger } from '../../src/log';
import { importRoster } from '../../src/roster/apply';
import { addressOk, changeEmail } from '../../src/roster/addresses';
import { FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const ROSTER =
  'trainee_name,trainee_email,mentor_name,mentor_email,start_date\nDr Priya Patel,priya@old.example,Dr Jane Smith,jane@m.example,2027-01-04\n';
const MONDAY = '2027-01-04T10:00:00Z';

describe('change-email', () => {
  let w: World;
  const db = () => w.deps.db;
  const inbound = () => db().prepare('SELECT state, outcome FROM inbound ORDER BY id').all();
  beforeEach(() => {
    w = makeWorld();
    importRoster(db(), ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
  });
  afterEach(() => w.close());

  test('the person keeps their record; a reply to earlier mail counts from the new address, not the old', async () => {
    await w.tick(MONDAY);
    const [questionnaire] = w.transport.sent;
    const id = findPersonByEmail(db(), 'priya@old.example')!.id;
    changeEmail(db(), 'Priya@Old.example', 'priya@new.example', w.deps.config.address, new Date(MONDAY));

    expect(findPersonByEmail(db(), 'priya@new.example')!.id).toBe(id);
    expect(findPersonByEmail(db(), 'priya@old.example')).toBeUndefined();
    w.source.deliver(await replyTo(questionnaire, 'priya@old.example', FULL_ANSWERS));
    await w.tick('2027-01-04T10:10:00Z');
    w.source.deliver(await replyTo(questionnaire, 'priya@new.example', FULL_ANSWERS));
    await w.tick('2027-01-04T10:20:00Z');
    expect(inbound()).toEqual([
      { state: 'held', outcome: 'held_sender_mismatch' },
      { state: 'processed', outcome: expect.stringMatching(/answers/) },
    ]);
    const round = db().prepare('SELECT state, answered_at FROM rounds').get() as { state: string; answered_at: string | null };
    expect(round.answered_at).not.toBeNull();
    expect(w.transport.sent.map((m) => m.to.address)).toEqual(['priya@old.example', 'jane@m.example', 'priya@new.example']);
  });

  test('a reply threaded only by In-Reply-To (no plus-address) is judged by the new address too', async () => {
    await w.tick(MONDAY);
    const [questionnaire] = w.transport.sent;
    changeEmail(db(), 'priya@old.example', 'priya@new.example', w.deps.config.address, new Date(MONDAY));
    const noToken = { ...questionnaire, replyTo: w.deps.config.address };
    w.source.deliver(await replyTo(noToken, 'priya@new.example', FULL_ANSWERS));
    await w.tick('2027-01-04T10:10:00Z');
    expect(inbound()).toEqual([{ state: 'processed', outcome: expect.stringMatching(/answers/) }]);
  });

  test('mail waiting to be sent goes to the new address; the failing mark goes with the old one', async () => {
    w.transport.failNext = 1;
    await w.tick(MONDAY); // the questionnaire fails to send and waits for a retry
    markAddressFailing(db(), findPersonByEmail(db(), 'priya@old.example')!.id, new Date(MONDAY));
    const change = changeEmail(db(), 'priya@old.example', 'priya@new.example', w.deps.config.address, new Date(MONDAY));
    expect(change.redirected).toBe(1);
    expect(findPersonByEmail(db(), 'priya@new.example')!.address_failing_since).toBeNull();
    await w.tick('2027-01-04T11:00:00Z');
    expect(w.transport.sent.map((m) => m.to.address)).toEqual(['priya@new.example']);
  });

  test('refuses an address that is taken, invalid, the bot, or the same; an old roster file is refused by line', () => {
    const refuse = (to: string) => () => changeEmail(db(), 'priya@old.example', to, w.deps.config.address, new Date(MONDAY));
    expect(refuse('jane@m.example')).toThrow('jane@m.example already belongs to Dr Jane Smith on the roster');
    expect(refuse('not-an-address')).toThrow('not-an-address is not a valid email address');
    expect(refuse(w.deps.config.address)).toThrow(/mentormail's own address/);
    expect(refuse('priya@old.example')).toThrow(/already Dr Priya Patel's address/);
    changeEmail(db(), 'priya@old.example', 'priya@new.example', w.deps.config.address, new Date(MONDAY));
    expect(refuse('x@y.example')).toThrow('priya@old.example was already changed to priya@new.example on 2027-01-04');
    try {
      importRoster(db(), ROSTER, 'roster.csv', new Date(MONDAY), false);
      throw new Error('expected a refusal');
    } catch (err) {
      expect((err as MentormailError).details).toEqual([
        'line 2: priya@old.example was changed to priya@new.example on 2027-01-04 (mentormail change-email); write the new address in the roster file',
      ]);
    }
  });
});

describe('address-ok', () => {
  let w: World;
  beforeEach(() => {
    w = makeWorld();
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-01T00:00:00Z'), false);
  });
  afterEach(() => w.close());

  test('clears "address failing", and the questionnaire held for it goes out', async () => {
    markAddressFailing(w.deps.db, findPersonByEmail(w.deps.db, 'priya@old.example')!.id, new Date('2027-01-01T00:00:00Z'));
    await w.tick(MONDAY);
    expect(w.transport.sent).toEqual([]); // held while the address fails
    expect(addressOk(w.deps.db, 'PRIYA@old.example').wasFailing).toBe(true);
    expect(addressOk(w.deps.db, 'priya@old.example').wasFailing).toBe(false);
    await w.tick('2027-01-04T10:10:00Z');
    expect(w.transport.sent.map((m) => m.subject)).toEqual(['E-mentoring questionnaire, round 1']);
  });
});

describe('from the command line', () => {
  test('change-email and address-ok say what they did', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-addr-'));
    const cli = async (...args: string[]) => {
      const lines: string[] = [];
      const { program } = buildProgram((l) => lines.push(l), { PATH: process.env.PATH }, dir, { logger: memoryLogger() });
      await program.parseAsync(['node', 'mentormail', ...args]);
      return lines.join('\n');
    };
    try {
      fs.writeFileSync(path.join(dir, 'roster.csv'), ROSTER);
      await cli('init');
      await cli('import', 'roster.csv');
      expect(await cli('change-email', 'priya@old.example', 'priya@new.example')).toBe(
        [
          'Dr Priya Patel is now priya@new.example (was priya@old.example); their rounds, answers and conversation stay with them.',
          'Replies to mail sent to priya@old.example are accepted from priya@new.example, and no longer from priya@old.example.',
          'Update your roster file too: importing priya@old.example again is refused.',
        ].join('\n'),
      );
      expect(await cli('people')).toContain('Dr Priya Patel <priya@new.example>');
      expect(await cli('address-ok', 'priya@new.example')).toBe(
        "Dr Priya Patel's address priya@new.example was not marked as failing; nothing changed.",
      );
      // As a bounce would: the address is marked failing, and the questionnaire is held.
      const db = new Database(path.join(dir, 'data', 'mentormail.db'));
      db.prepare("UPDATE people SET address_failing_since = '2027-01-01T00:00:00.000Z' WHERE email = 'priya@new.example'").run();
      db.close();
      expect(await cli('tick', '--now', MONDAY)).toBe(
        'Tick at 2027-01-04T10:00:00.000Z: 0 received, 0 sent, 1 questionnaires held until their address works again (see mentormail people).',
      );
      expect(await cli('address-ok', 'priya@new.example')).toBe(
        "Dr Priya Patel's address priya@new.example is marked as working again: questionnaires and reminders held for it go out from the next tick, inside the sending window.",
      );
      expect(await cli('tick', '--now', '2027-01-04T10:10:00Z')).toBe('Tick at 2027-01-04T10:10:00.000Z: 0 received, 1 sent.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
