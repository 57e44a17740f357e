/**
 * The sentences of our own emails that a reply's answers must never include are read from the
 * templates themselves (templates/emails/*.hbs), not kept as a second copy in the reader.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOurWording } from '../../src/mail/ourWording';
import { TEMPLATES_DIR } from '../../src/paths';
import { loadQuestionnaire } from '../../src/questionnaire/definition';
import { analyseReply, ourWordingFrom } from '../../src/reading';
import { extractAnswers } from '../../src/reading/5-answers/answers';

const EMAILS = path.join(TEMPLATES_DIR, 'emails');
const q = loadQuestionnaire();

describe('the wording read from the templates', () => {
  const wording = loadOurWording();
  const find = (text: string) => wording.sentences.find((s) => s.text.includes(text));

  test('has the fixed sentences of every template, cut where a value is filled in', () => {
    expect(find('They are confidential and not part of any assessment')).toMatchObject({ template: 'questionnaire' });
    expect(find('has not yet received your answers for round')).toMatchObject({ template: 'reminder' });
    expect(find('This is what was recorded under each heading')).toMatchObject({ template: 'receipt' });
    expect(find('has answered their e-mentoring questionnaire')).toMatchObject({ template: 'forward' });
    // No sentence carries a filled-in value or Handlebars syntax.
    for (const s of wording.sentences) expect(s.text).not.toMatch(/\{\{|\}\}/);
  });

  test('knows what each sentence means to a reader: footer, last goals, placeholder', () => {
    expect(find('Your answers go only to your e-mentor')).toMatchObject({ footer: true });
    expect(find('If anything was misread')).toMatchObject({ footer: true });
    expect(find('It is time for your e-mentoring questionnaire')).toMatchObject({ footer: false });
    expect(find('Last time you wrote these career goals')).toMatchObject({ previousGoals: true });
    // The shipped emails no longer print "(not answered)"; a template that does marks it a placeholder.
    const withPlaceholder = ourWordingFrom([{ name: 'x', source: 'Subject: x\n\n{{#each sections}}{{title}}\n(not answered)\n{{/each}}' }]);
    expect(withPlaceholder.sentences.filter((s) => s.placeholder).map((s) => s.text)).toEqual(['(not answered)']);
  });

  test('no file of the reader keeps a copy of a template sentence', () => {
    const readerSources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? readerSources(full) : e.name.endsWith('.ts') ? [fs.readFileSync(full, 'utf8')] : [];
      });
    const code = readerSources(path.join(__dirname, '..', '..', 'src', 'reading')).join('\n');
    const long = wording.sentences.filter((s) => s.text.split(' ').length >= 6);
    expect(long.length).toBeGreaterThan(10);
    for (const s of long) expect({ sentence: s.text, copied: code.includes(s.text) }).toEqual({ sentence: s.text, copied: false });
  });
});

describe('rewording a template needs no change to the reader', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-templates-'));
    for (const f of fs.readdirSync(EMAILS)) fs.copyFileSync(path.join(EMAILS, f), path.join(dir, f));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const NEW_FOOTER = 'Only your mentor reads this, in confidence, and it is never part of an assessment.';

  test('a new footer sentence in an unmarked (Outlook) original is not taken for an answer', async () => {
    const template = path.join(dir, 'questionnaire.txt.hbs');
    fs.writeFileSync(
      template,
      fs
        .readFileSync(template, 'utf8')
        .replace(
          /Your answers go only to your e-mentor, \{\{mentor\}\}\. They are confidential and not part of any assessment\./,
          NEW_FOOTER,
        ),
    );
    const reworded = loadOurWording(dir);
    const reply = [
      'From: Priya Patel <priya.patel@nhs.example.net>',
      'To: mentoring+abc@deanery.example.org',
      'Subject: RE: E-mentoring questionnaire, round 3',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Skills: suturing',
      '',
      'From: E-mentoring <mentoring@deanery.example.org>',
      'Sent: 02 March 2027 09:14',
      'To: Priya Patel <priya.patel@nhs.example.net>',
      'Subject: E-mentoring questionnaire, round 3',
      '',
      '10. Anything else for your e-mentor (optional)',
      'Anything else you would like to raise or ask.',
      NEW_FOOTER,
    ].join('\r\n');
    const withNew = await analyseReply(Buffer.from(reply), q, { ourWording: reworded });
    expect(withNew.answers).toEqual({ skills: 'suturing' });
    // With the shipped wording the new sentence is unknown, and would be read as the optional answer.
    const withOld = await analyseReply(Buffer.from(reply), q, { ourWording: loadOurWording() });
    expect(withOld.answers.anything_else).toBe(NEW_FOOTER);
  });

  test('wording shared by two emails is read as the email whose whole sentence it is (the footer, not an introduction)', async () => {
    // An introduction (alphabetically first) shares "your answers go only to" and the
    // confidentiality sentence with the questionnaire's footer; the footer must still end section 10.
    fs.writeFileSync(
      path.join(dir, 'aa_introduction.txt.hbs'),
      'Subject: Hello\n\nDear {{name}},\n\nEvery {{n}} months you will get a short questionnaire; your answers go only to {{other}}, who replies.\nThis is confidential and not part of any assessment. To pause, reply with PAUSE; to stop taking part, reply with STOP.\n',
    );
    const reply = [
      'From: Priya Patel <priya.patel@nhs.example.net>',
      'To: mentoring+abc@deanery.example.org',
      'Subject: RE: E-mentoring questionnaire, round 3',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Skills: suturing',
      '',
      'From: E-mentoring <mentoring@deanery.example.org>',
      'Sent: 02 March 2027 09:14',
      'To: Priya Patel <priya.patel@nhs.example.net>',
      'Subject: E-mentoring questionnaire, round 3',
      '',
      '10. Anything else for your e-mentor (optional)',
      'Anything else you would like to raise or ask.',
      '',
      'Your answers go only to your e-mentor, Jane Smith. They are confidential',
      'and not part of any assessment.',
      'To pause, reply with PAUSE (or PAUSE until 1 May 2027). To stop taking',
      'part, reply with STOP.',
    ].join('\r\n');
    const read = await analyseReply(Buffer.from(reply), q, { ourWording: loadOurWording(dir) });
    expect(read.answers).toEqual({ skills: 'suturing' });
  });

  test('the wording is parsed from Handlebars source, values left out', () => {
    const parsed = ourWordingFrom([
      {
        name: 'x',
        source:
          'Subject: Hi {{name}}\n\nDear {{name}},\n\nYour round {{round}} answers are safe with us.\n{{#each sections}}{{title}}\n{{/each}}\nWrite back whenever you like to.',
      },
    ]);
    expect(parsed.sentences.map((s) => [s.text, s.footer])).toEqual([
      ['answers are safe with us.', false],
      ['Write back whenever you like to.', true],
    ]);
    expect(extractAnswers('Write back whenever you like to.', q, { ourWording: parsed }).answers).toEqual({});
  });
});
