/**
 * Matching end to end on fakes: the CLI and replies by email, through the real app. Profiles,
 * short lists, choices, the proposal approved by reply and by file, declines, silence and the
 * next choice, capacity checked again at acceptance, introductions, and round 1 on the start
 * date. No content reaches status, people or the logs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildProgram } from '../../src/cli';
import { allRequests } from '../../src/db/matching';
import { listPairs } from '../../src/db/pairs';
import { findPersonByEmail } from '../../src/db/people';
import { getProfile } from '../../src/db/profiles';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { compose, makeWorld, replyTo, type World } from '../support/world';

const HEADER = 'email,name,role,specialty,region,grade,interests,capacity,supervises,supervised_by,bio,preferences';
const PROFILES = [
  HEADER,
  'priya@t.example,Dr Priya Patel,trainee,cardiology,North East,FY2,research;teaching,,,,PLANTED-PRIYA-BIO keen on cardiology,',
  'tom@t.example,Dr Tom Okafor,trainee,general surgery,North West,CT1,surgical-skills;exams,,,,,',
  'ana@t.example,Dr Ana Lopez,trainee,psychiatry,Wales,ST4,wellbeing;research,,,,,other-region',
  'jane@m.example,Dr Jane Smith,mentor,cardiology,North West,Consultant,research;teaching,1,,,PLANTED-JANE-BIO cardiologist,',
  'david@m.example,Dr David Brown,mentor,acute medicine,North East,ST7,research;leadership,2,,,,',
  'sara@m.example,Dr Sara Stone,mentor,cardiology,North East,Consultant,research;teaching,1,priya@t.example,,,',
  'omar@m.example,Dr Omar Haddad,mentor,general surgery,London,Consultant,surgical-skills,2,,,,',
  'lina@m.example,Dr Lina Berg,mentor,colorectal surgery,Scotland,Consultant,exams;teaching,3,,,,',
  'raj@m.example,Dr Raj Mehta,mentor,psychiatry,London,Consultant,wellbeing,2,,,,',
  'kate@m.example,Dr Kate Moss,mentor,emergency medicine,Wales,ST6,leadership,2,,,,',
].join('\n');

const PRIYA = 'priya@t.example';
const TOM = 'tom@t.example';
const ANA = 'ana@t.example';
const COORD = 'coordinator@scheme.example';
const MENTORS = [
  'jane@m.example',
  'david@m.example',
  'sara@m.example',
  'omar@m.example',
  'lina@m.example',
  'raj@m.example',
  'kate@m.example',
];
const MON = '2027-01-04T10:00:00Z';

const to = (w: World, address: string): OutgoingMail[] => w.transport.sent.filter((m) => m.to.address === address);
const last = (w: World, address: string): OutgoingMail => {
  const mail = to(w, address).at(-1);
  if (!mail) throw new Error(`nothing sent to ${address}`);
  return mail;
};

/** Which e-mentor a short-list letter stands for (the test may know; the trainee may not). */
function mentorFor(w: World, trainee: string, letter: string): string {
  const row = w.deps.db
    .prepare(
      `SELECT m.email FROM shortlist_entries e JOIN people t ON t.id = e.trainee_id JOIN people m ON m.id = e.mentor_id WHERE t.email = ? AND e.letter = ?`,
    )
    .get(trainee, letter) as { email: string } | undefined;
  if (!row) throw new Error(`${trainee} has no letter ${letter}`);
  return row.email;
}

function findPersonById(w: World, id: number): string {
  return (w.deps.db.prepare('SELECT email FROM people WHERE id = ?').get(id) as { email: string }).email;
}

describe('matching by email, on fakes', () => {
  let w: World;
  let cliOut: string[];
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    const { program, exitCode } = buildProgram(
      (l) => lines.push(l),
      {
        PATH: process.env.PATH,
        MENTORMAIL_DB: w.deps.config.dbPath,
        MENTORMAIL_ADDRESS: 'mentoring@scheme.example',
        MENTORMAIL_COORDINATOR: COORD,
      },
      w.dir,
      { transport: w.transport, source: w.source },
    );
    await program.parseAsync(['node', 'mentormail', ...args]);
    cliOut.push(...lines);
    return { out: lines.join('\n'), code: exitCode() };
  };
  const deliver = async (mail: OutgoingMail, from: string, text: string, at: string) => {
    w.source.deliver(await replyTo(mail, from, text));
    await w.tick(at);
  };

  beforeEach(async () => {
    w = makeWorld({ MENTORMAIL_COORDINATOR: COORD });
    cliOut = [];
    fs.writeFileSync(path.join(w.dir, 'profiles.csv'), PROFILES);
    expect((await cli('profiles', 'import', 'profiles.csv', '--now', MON)).out).toMatch(/changes applied/);
  });
  afterEach(() => w.close());

  test('short lists: anonymised, three each, never a vetoed e-mentor, no e-mentor beyond twice their places', async () => {
    const { out } = await cli('match', 'shortlists', '--now', MON);
    expect(out).toBe('3 short lists sent.');
    const list = last(w, PRIYA);
    expect(list.subject).toBe('Choose your e-mentor: 3 suggestions');
    expect(list.text).toMatch(/^Candidate A$/m);
    expect(list.text).toMatch(/^Candidate C$/m);
    expect(list.replyTo).toMatch(/^mentoring\+[a-z2-7]{32}@scheme\.example$/);
    for (const m of MENTORS) expect(list.text).not.toContain(m);
    for (const name of ['Jane', 'David', 'Sara', 'Omar', 'Lina', 'Raj', 'Kate']) expect(list.text).not.toContain(name);
    // Sara supervises Priya: never suggested to her.
    expect(['A', 'B', 'C'].map((l) => mentorFor(w, PRIYA, l))).not.toContain('sara@m.example');
    const shown = (m: string) => [PRIYA, TOM, ANA].filter((t) => ['A', 'B', 'C'].some((l) => mentorFor(w, t, l) === m)).length;
    expect(shown('jane@m.example')).toBeLessThanOrEqual(2);
    expect(shown('sara@m.example')).toBeLessThanOrEqual(2);
    // Running it again sends nothing new.
    const before = w.transport.sent.length;
    expect((await cli('match', 'shortlists', '--now', MON)).out).toBe('0 short lists sent.');
    expect(w.transport.sent.length).toBe(before);
  });

  test('choose, approve by reply, a decline offers the next choice in the same tick, the acceptance introduces them, round 1 on the start date', async () => {
    await cli('match', 'shortlists', '--now', MON);
    await deliver(last(w, PRIYA), PRIYA, '1 B 2 A', '2027-01-04T10:10:00Z');
    const recorded = last(w, PRIYA);
    expect(recorded.subject).toBe('Your choice of e-mentor was recorded');
    expect(recorded.text).toMatch(/1\. Candidate B: .*\n\s+2\. Candidate A: /);

    const proposed = await cli('match', 'propose', '--start', '2027-02-01', '--now', '2027-01-04T11:00:00Z');
    expect(proposed.out).toMatch(/^Proposal 1: 3 of 3 trainees placed/);
    const csv = fs.readFileSync(path.join(w.dir, 'proposals.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'proposal,trainee,trainee_email,mentor,mentor_email,score,trainee_rank,reasons,note,trainee_bio,mentor_bio',
    );
    // The proposal gives Priya one of her two choices (the cohort decides which); the other is her next.
    const priyaRow = csv.split('\r\n').find((l) => l.includes(PRIYA))!;
    const [first, second] = priyaRow.includes(`,${mentorFor(w, PRIYA, 'B')},`)
      ? [mentorFor(w, PRIYA, 'B'), mentorFor(w, PRIYA, 'A')]
      : [mentorFor(w, PRIYA, 'A'), mentorFor(w, PRIYA, 'B')];
    expect(priyaRow).toContain(`,${first},`);
    expect(priyaRow).toMatch(/the trainee's (first|second) choice/);
    const proposal = last(w, COORD);
    expect(proposal.subject).toBe('[e-mentoring] Matching proposal 1: 3 of 3 trainees placed');
    expect(proposal.text).not.toContain('PLANTED'); // no bios in the coordinator's email
    expect(proposal.replyTo).toMatch(/^mentoring\+[a-z2-7]{32}@scheme\.example$/);

    await deliver(proposal, COORD, 'Approve', '2027-01-04T11:10:00Z');
    expect(last(w, COORD).subject).toBe('[e-mentoring] Matching proposal 1: 3 requests sent');
    const request = last(w, first);
    expect(request.subject).toBe('Would you e-mentor a trainee?');
    expect(request.text).toContain('chose you from a short list');
    expect(request.text).not.toContain('Priya');
    expect(request.text).toContain('Please answer by Monday 11 January 2027');
    expect(request.text).toContain('first questionnaire goes out on Monday 1 February 2027');

    const secondBefore = to(w, second).length;
    await deliver(request, first, 'Sorry, I must decline.', '2027-01-05T09:30:00Z');
    // The same tick: the next choice is asked, the trainee told, the e-mentor thanked.
    expect(to(w, second).length).toBe(secondBefore + 1);
    expect(last(w, second).subject).toBe('Would you e-mentor a trainee?');
    expect(last(w, PRIYA).subject).toBe('About your choice of e-mentor');
    expect(last(w, PRIYA).text).toMatch(/We have asked your next choice, Candidate [AB]/);
    expect(last(w, first).subject).toBe('Thank you for letting us know');

    await deliver(last(w, second), second, 'Accept', '2027-01-06T09:30:00Z');
    const [pair] = listPairs(w.deps.db).filter((p) => p.trainee_id === findPersonByEmail(w.deps.db, PRIYA)!.id);
    expect(pair.start_date).toBe('2027-02-01');
    const introTrainee = last(w, PRIYA);
    const mentorName = findPersonByEmail(w.deps.db, second)!.name;
    expect(introTrainee.subject).toBe(`Meet your e-mentor, ${mentorName}`);
    expect(introTrainee.text).toContain('Your first questionnaire comes on Monday 1 February 2027');
    expect(introTrainee.text).not.toContain(second); // addresses stay hidden
    expect(last(w, second).subject).toBe('Meet your e-mentee, Dr Priya Patel');

    // Writing back through the introduction reaches the other side.
    await deliver(introTrainee, PRIYA, 'Looking forward to working with you!', '2027-01-06T10:00:00Z');
    expect(last(w, second).text).toContain('Looking forward to working with you!');

    await w.tick('2027-01-29T10:00:00Z');
    expect(to(w, PRIYA).some((m) => m.subject.startsWith('E-mentoring questionnaire'))).toBe(false);
    await w.tick('2027-02-01T10:00:00Z');
    const q = last(w, PRIYA);
    expect(q.subject).toBe('E-mentoring questionnaire, round 1');
    expect(q.text).toContain(`go only to your e-mentor, ${mentorName}`);
  });

  test('silence: one reminder half way, then the next choice at the deadline, once', async () => {
    await cli('match', 'shortlists', '--now', MON);
    await deliver(last(w, PRIYA), PRIYA, '1. A\n2. C', '2027-01-04T10:10:00Z');
    expect(last(w, PRIYA).text).toMatch(/1\. Candidate A/);
    await cli('match', 'propose', '--now', '2027-01-05T07:00:00Z');
    // Approved early on Tuesday: requests go at once; the reminder waits for the sending window.
    expect((await cli('match', 'approve', 'proposals.csv', '--now', '2027-01-05T07:30:00Z')).out).toMatch(
      /^3 e-mentors asked \(proposal 1\)/,
    );
    // The proposal gave her one of her choices; silence from that one means the other is asked.
    const priyaId = findPersonByEmail(w.deps.db, PRIYA)!.id;
    const asked = findPersonById(w, allRequests(w.deps.db).find((r) => r.trainee_id === priyaId)!.mentor_id);
    const next = asked === mentorFor(w, PRIYA, 'A') ? mentorFor(w, PRIYA, 'C') : mentorFor(w, PRIYA, 'A');
    const count = () => to(w, asked).length;
    const before = count();
    await w.tick('2027-01-07T10:00:00Z'); // Thursday: not yet half way
    expect(count()).toBe(before);
    await w.tick('2027-01-08T08:00:00Z'); // Friday, half way, but before the sending window opens
    expect(count()).toBe(before);
    await w.tick('2027-01-08T10:00:00Z');
    await w.tick('2027-01-08T10:00:00Z');
    expect(count()).toBe(before + 1);
    expect(last(w, asked).subject).toBe('Reminder: Would you e-mentor a trainee?');
    await w.tick('2027-01-11T10:00:00Z');
    expect(count()).toBe(before + 1);
    const nextBefore = to(w, next).length;
    await w.tick('2027-01-12T07:29:00Z');
    expect(to(w, next).length).toBe(nextBefore);
    await w.tick('2027-01-12T07:30:00Z'); // the deadline: five working days, same time
    await w.tick('2027-01-12T07:35:00Z');
    expect(to(w, next).length).toBe(nextBefore + 1);
    expect(last(w, next).subject).toBe('Would you e-mentor a trainee?');
    expect(
      allRequests(w.deps.db)
        .filter((r) => r.trainee_id === priyaId)
        .map((r) => r.state),
    ).toEqual(['expired', 'pending']);
    // A late ACCEPT is answered kindly and changes nothing.
    await deliver(
      to(w, asked).find((m) => m.subject === 'Would you e-mentor a trainee?')!,
      asked,
      'ACCEPT',
      '2027-01-12T11:00:00Z',
    );
    expect(last(w, asked).subject).toBe('This request is already settled');
    expect(listPairs(w.deps.db)).toHaveLength(0);
  });

  test('with no choice left after a no, the trainee gets more suggestions, and a new choice is asked at once', async () => {
    await cli('match', 'shortlists', '--now', MON);
    await deliver(last(w, PRIYA), PRIYA, 'CHOOSE A', '2027-01-04T10:10:00Z');
    await cli('match', 'propose', '--now', '2027-01-04T11:00:00Z');
    await cli('match', 'approve', 'proposals.csv', '--now', '2027-01-04T11:10:00Z');
    const priyaId = findPersonByEmail(w.deps.db, PRIYA)!.id;
    const asked = findPersonById(w, allRequests(w.deps.db).find((r) => r.trainee_id === priyaId)!.mentor_id);
    await deliver(last(w, asked), asked, 'Decline', '2027-01-05T10:00:00Z');
    const more = last(w, PRIYA);
    expect(more.subject).toBe('More e-mentors to choose from');
    expect(more.text).toMatch(/is not able to take on a new trainee just now; this is no reflection on you/);
    expect(more.text).toMatch(/^Candidate D$/m);
    const d = mentorFor(w, PRIYA, 'D');
    const dBefore = to(w, d).length;
    await deliver(more, PRIYA, 'Choose D', '2027-01-05T10:30:00Z');
    expect(to(w, d).length).toBe(dBefore + 1);
    expect(last(w, d).subject).toBe('Would you e-mentor a trainee?');
    expect(last(w, PRIYA).text).toContain('We have asked Candidate D whether they can be your e-mentor');
  });

  test('STOP in answer to a short list withdraws the trainee, who is matched no more', async () => {
    await cli('match', 'shortlists', '--now', MON);
    await deliver(last(w, TOM), TOM, 'STOP', '2027-01-04T10:10:00Z');
    expect(last(w, TOM).subject).toBe('You have stepped back from e-mentoring');
    const { out } = await cli('match', 'propose', '--now', '2027-01-04T11:00:00Z');
    expect(out).not.toContain('Tom');
    // A choice sent after STOP is not acted on, and not answered.
    const sent = to(w, TOM).length;
    await deliver(to(w, TOM)[0], TOM, 'CHOOSE A', '2027-01-04T11:10:00Z');
    expect(to(w, TOM)).toHaveLength(sent);
  });

  test('capacity is checked again when the e-mentor accepts', async () => {
    await cli('match', 'shortlists', '--now', MON);
    await deliver(last(w, TOM), TOM, 'CHOOSE A', '2027-01-04T10:10:00Z');
    await cli('match', 'propose', '--now', '2027-01-04T11:00:00Z');
    await cli('match', 'approve', 'proposals.csv', '--now', '2027-01-04T11:10:00Z');
    const asked = mentorFor(w, TOM, 'A');
    const request = to(w, asked).find((m) => m.subject === 'Would you e-mentor a trainee?')!;
    // Meanwhile the coordinator gives that e-mentor trainees by roster, filling every place.
    const roster = ['trainee_name,trainee_email,mentor_name,mentor_email,start_date'];
    for (let i = 0; i < 3; i++) roster.push(`Extra ${i},extra${i}@t.example,X,${asked},2027-01-04`);
    importRoster(w.deps.db, roster.join('\n'), 'roster.csv', new Date('2027-01-05T09:00:00Z'), false);
    await deliver(request, asked, 'I accept', '2027-01-05T10:00:00Z');
    expect(last(w, asked).subject).toBe('This request is already settled');
    expect(last(w, asked).text).toContain('You already have as many trainees as you offered to take');
    expect(listPairs(w.deps.db).some((p) => p.trainee_id === findPersonByEmail(w.deps.db, TOM)!.id)).toBe(false);
  });

  test('MORE sends new letters; NONE hands the trainee to the coordinator; unknown letters are named', async () => {
    await cli('match', 'shortlists', '--now', MON);
    await deliver(last(w, TOM), TOM, 'More please', '2027-01-04T10:10:00Z');
    const more = last(w, TOM);
    expect(more.subject).toBe('More e-mentors to choose from');
    expect(more.text).toMatch(/^Candidate D$/m);
    await deliver(more, TOM, 'CHOOSE Z', '2027-01-04T10:20:00Z');
    expect(last(w, TOM).subject).toBe('Please choose with a letter');
    expect(last(w, TOM).text).toContain('we could not find Z among the candidates you were shown (A, B, C, D');
    // At most one such note a day to an address.
    const notes = to(w, TOM).length;
    await deliver(more, TOM, 'Hmm, let me think', '2027-01-04T10:25:00Z');
    expect(to(w, TOM)).toHaveLength(notes);

    await deliver(last(w, ANA), ANA, 'None of these, sorry', '2027-01-04T10:30:00Z');
    expect(last(w, ANA).subject).toBe('The coordinator will find you an e-mentor');
    expect(last(w, COORD).subject).toBe('[e-mentoring] Dr Ana Lopez would like an e-mentor found by hand');
    expect(getProfile(w.deps.db, findPersonByEmail(w.deps.db, ANA)!.id)?.by_hand_since).not.toBeNull();
    await cli('match', 'propose', '--now', '2027-01-04T11:00:00Z');
    const csv = fs.readFileSync(path.join(w.dir, 'proposals.csv'), 'utf8');
    expect(csv.split('\r\n').find((l) => l.includes(ANA))).toContain('asked to be matched by hand');
  });

  test('approving a file: every bad row named by line, nothing sent; an edited row is honoured', async () => {
    await cli('match', 'propose', '--now', '2027-01-04T11:00:00Z');
    const file = path.join(w.dir, 'proposals.csv');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    const priyaLine = lines.findIndex((l) => l.includes(PRIYA));
    const edited = [...lines];
    edited[priyaLine] = `1,Dr Priya Patel,${PRIYA},Dr Sara Stone,sara@m.example,,,,,,`;
    edited.push('1,Nobody,nobody@t.example,Dr Jane Smith,jane@m.example,,,,,,');
    fs.writeFileSync(path.join(w.dir, 'edited.csv'), edited.join('\r\n'));
    const before = w.transport.sent.length;
    await expect(cli('match', 'approve', 'edited.csv', '--now', '2027-01-04T11:10:00Z')).rejects.toMatchObject({
      code: 'MATCH_INVALID',
      details: [
        `line ${priyaLine + 1}: Dr Sara Stone cannot e-mentor Dr Priya Patel: supervises or assesses the trainee`,
        `line ${edited.length}: nobody@t.example is not a trainee in matching (import a profile first)`,
      ],
    });
    expect(w.transport.sent.length).toBe(before);
    expect(allRequests(w.deps.db)).toEqual([]);

    edited[priyaLine] = `1,Dr Priya Patel,${PRIYA},Dr Omar Haddad,omar@m.example,,,,,,`;
    edited.pop();
    fs.writeFileSync(path.join(w.dir, 'edited.csv'), edited.join('\r\n'));
    await cli('match', 'approve', 'edited.csv', '--now', '2027-01-04T11:10:00Z');
    expect(last(w, 'omar@m.example').subject).toBe('Would you e-mentor a trainee?');
    expect(last(w, 'omar@m.example').text).toContain('has been proposed to you by the coordinator');
    // Approving the same file again is refused: they all have requests waiting.
    await expect(cli('match', 'approve', 'edited.csv', '--now', '2027-01-04T11:20:00Z')).rejects.toMatchObject({ code: 'MATCH_INVALID' });
  });

  test('a reply to the proposal from anyone but the coordinator is held; a reply to a request from another address too', async () => {
    await cli('match', 'propose', '--now', '2027-01-04T11:00:00Z');
    await deliver(last(w, COORD), 'mallory@elsewhere.example', 'APPROVE', '2027-01-04T11:10:00Z');
    expect(allRequests(w.deps.db)).toEqual([]);
    await deliver(last(w, COORD), COORD, 'APPROVE', '2027-01-04T11:20:00Z');
    const request = to(w, 'jane@m.example').at(-1) ?? to(w, 'david@m.example').at(-1)!;
    await deliver(request, 'mallory@elsewhere.example', 'ACCEPT', '2027-01-04T11:30:00Z');
    expect(listPairs(w.deps.db)).toEqual([]);
    const held = w.deps.db.prepare("SELECT outcome FROM inbound WHERE state = 'held' ORDER BY id").all() as { outcome: string }[];
    expect(held.map((h) => h.outcome)).toEqual(['held_sender_mismatch', 'held_sender_mismatch']);
    // A second APPROVE to a proposal already approved changes nothing and says so.
    await deliver(
      to(w, COORD).find((m) => m.subject.startsWith('[e-mentoring] Matching proposal 1:'))!,
      COORD,
      'APPROVE',
      '2027-01-04T11:40:00Z',
    );
    expect(last(w, COORD).text).toContain('proposal 1 is already approved');
  });

  test('a profile by email: asked, answered, recorded and sent back, with every bad line named', async () => {
    expect((await cli('profiles', 'ask', '--now', MON)).out).toBe('Nobody to ask: every profile is complete.');
    fs.writeFileSync(path.join(w.dir, 'more.csv'), `${HEADER}\nlee@t.example,Dr Lee Chan,trainee,,,,,,,,,\n`);
    await cli('profiles', 'import', 'more.csv', '--now', MON);
    expect((await cli('profiles', 'ask', '--now', MON)).out).toBe('Asked 1: Dr Lee Chan');
    const ask = last(w, 'lee@t.example');
    expect(ask.subject).toBe('Your e-mentoring profile: please check it');
    expect(ask.text).toContain('Still needed before you can be matched: Specialty, Region, Grade.');
    await deliver(
      ask,
      'lee@t.example',
      'Specialty: Paediatrics\nRegion: Wales\nGrade: ST2\nInterests: teaching, knitting\nSupervised by: jane@m.example',
      '2027-01-04T10:30:00Z',
    );
    const recorded = last(w, 'lee@t.example');
    expect(recorded.subject).toBe('Your e-mentoring profile was updated');
    expect(recorded.text).toMatch(/^Specialty: paediatrics$/m);
    expect(recorded.text).toMatch(/^Supervised by: jane@m\.example$/m);
    expect(recorded.text).toContain('- Interests: interest "knitting" not in the list');
    expect(recorded.text).not.toContain('Still needed');
    const lee = findPersonByEmail(w.deps.db, 'lee@t.example')!;
    expect(getProfile(w.deps.db, lee.id)).toMatchObject({
      specialty: 'paediatrics',
      region: 'Wales',
      grade: 'ST2',
      interests: [],
      source: 'email',
    });

    // An e-mentor not yet paired may send a profile update without replying to anything.
    w.source.deliver(
      await compose({
        from: 'david@m.example',
        to: 'mentoring@scheme.example',
        subject: 'my profile',
        text: 'Capacity: 3\nRegion: London',
      }),
    );
    await w.tick('2027-01-04T10:40:00Z');
    expect(getProfile(w.deps.db, findPersonByEmail(w.deps.db, 'david@m.example')!.id)).toMatchObject({ capacity: 3, region: 'London' });
    expect(last(w, 'david@m.example').text).toMatch(/^Capacity: 3$/m);
  });

  test('status and people show who is waiting, proposed, requested, matched; no profile text or replies in them or the logs', async () => {
    await cli('match', 'shortlists', '--now', MON);
    await deliver(last(w, PRIYA), PRIYA, 'CHOOSE A', '2027-01-04T10:10:00Z');
    await deliver(last(w, ANA), ANA, 'NONE', '2027-01-04T10:20:00Z');
    fs.writeFileSync(path.join(w.dir, 'more.csv'), `${HEADER}\nlee@t.example,Dr Lee Chan,trainee,,,,,,,,,\n`);
    await cli('profiles', 'import', 'more.csv', '--now', MON);
    let status = (await cli('status', '--now', '2027-01-04T10:30:00Z')).out;
    expect(status).toContain('Matching: 2 waiting, 0 proposed, 0 e-mentor asked, 0 matched, 1 to match by hand, 1 profile incomplete');
    expect(status).toContain('  waiting: Dr Priya Patel, Dr Tom Okafor');
    expect(status).toContain('  to match by hand: Dr Ana Lopez');
    await cli('match', 'propose', '--now', '2027-01-04T11:00:00Z');
    status = (await cli('status', '--now', '2027-01-04T11:00:00Z')).out;
    expect(status).toMatch(/Matching: 0 waiting, 2 proposed/);
    await cli('match', 'approve', 'proposals.csv', '--now', '2027-01-04T11:10:00Z');
    const json = JSON.parse((await cli('status', '--json', '--now', '2027-01-04T11:10:00Z')).out);
    expect(json.matching.trainees.requested).toEqual({ count: 2, names: ['Dr Priya Patel', 'Dr Tom Okafor'] });
    const people = (await cli('people')).out;
    expect(people).toContain('Dr Priya Patel <priya@t.example>  no e-mentor yet: requested');
    expect(people).toContain('Dr Lee Chan <lee@t.example>  no e-mentor yet: incomplete');
    const peopleJson = JSON.parse((await cli('people', '--json')).out) as { trainee_email: string }[];
    expect(peopleJson.find((p) => p.trainee_email === ANA)).toMatchObject({ mentor: null, matching: 'by_hand' });

    const asked = mentorFor(w, PRIYA, 'A');
    await deliver(last(w, asked), asked, 'ACCEPT - PLANTED-MENTOR-REPLY', '2027-01-04T12:00:00Z');
    status = (await cli('status', '--now', '2027-01-04T12:00:00Z')).out;
    expect(status).toMatch(/1 matched/);
    // Priya chose this e-mentor from her short list: the health figures count her pair as "chose".
    expect(w.deps.db.prepare('SELECT how_matched FROM pairs').all()).toEqual([{ how_matched: 'chose' }]);
    const everything = [...cliOut, ...w.logs].join('\n');
    for (const planted of ['PLANTED-PRIYA-BIO', 'PLANTED-JANE-BIO', 'PLANTED-MENTOR-REPLY', 'keen on cardiology'])
      expect(everything).not.toContain(planted);
  });
});
