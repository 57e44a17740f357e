import { readMessage } from '../../src/reading/1-message/readMessage';
import { htmlToText } from '../../src/reading/1-message/htmlToText';
import { extractNewText, trimReply } from '../../src/reading/3-new-text/trim';

const ORIGINAL = '> Dear Priya,\n>\n> 1. Skills acquisition\n> What new skills?\n';

describe('reply headers in several languages', () => {
  test.each([
    'On Tue, 2 Mar 2027 at 09:14, E-mentoring scheme <mentoring+x@deanery.example.org> wrote:',
    'On Tue, 2 Mar 2027 at 09:14, E-mentoring scheme <\nmentoring+x@deanery.example.org> wrote:',
    'On Tue, 2 Mar 2027 at 09:14,\nE-mentoring scheme\n<mentoring+x@deanery.example.org> wrote:',
    'Le mar. 2 mars 2027 à 09:14, E-mentoring scheme <m@x.org> a écrit :',
    'Am Di., 2. März 2027 um 09:14 Uhr schrieb E-mentoring scheme <m@x.org>:',
    'El mar, 2 mar 2027 a las 9:14, E-mentoring scheme (<m@x.org>) escribió:',
    'Op di 2 mrt 2027 om 09:14 schreef E-mentoring scheme <m@x.org>:',
    'E-mentoring scheme wrote:',
  ])('%p', (header) => {
    const trimmed = trimReply(`My answer.\n\n${header}\n\n${ORIGINAL}`);
    expect(trimmed.text).toBe('My answer.');
    expect(trimmed.historyStyle).toBe('quoted');
    expect(trimmed.removed.quoted).toBe(header.split('\n').length + 3);
  });

  test.each([
    ['-----Original Message-----\nFrom: Bot <m@x.org>\nSent: 02 March 2027 09:14\nTo: Priya\nSubject: Q'],
    ['________________________________\nFrom: Bot <m@x.org>\nSent: Tuesday, March 2, 2027 9:14 AM\nTo: Priya\nSubject: Q'],
    ['From: Bot <m@x.org>\nSent: 02 March 2027 09:14\nTo: Priya\nCc: Someone\nSubject: Q'],
    ['*From:* Bot <m@x.org>\n*Sent:* 02 March 2027 09:14\n*To:* Priya\n*Subject:* Q'],
    ['Von: Bot <m@x.org>\nGesendet: Dienstag, 2. März 2027 09:14\nAn: Priya\nBetreff: Q'],
    ['De : Bot <m@x.org>\nEnvoyé : mardi 2 mars 2027 09:14\nÀ : Priya\nObjet : Q'],
    ['-----Ursprüngliche Nachricht-----\nVon: Bot <m@x.org>\nGesendet: Dienstag, 2. März 2027 09:14\nAn: Priya\nBetreff: Q'],
  ])('Outlook block %#', (block) => {
    const trimmed = trimReply(`My answer.\n\n${block}\n\nDear Priya,\n\n1. Skills acquisition\nWhat new skills?\n`);
    expect(trimmed.text).toBe('My answer.');
    expect(trimmed.historyStyle).toBe('unmarked');
    expect(trimmed.history.trim()).toBe('Dear Priya,\n\n1. Skills acquisition\nWhat new skills?');
  });

  test('a "From:" line in the answer alone is not a reply header', () => {
    expect(trimReply('From: my consultant, mostly.\nSent me to clinic a lot.').text).toBe(
      'From: my consultant, mostly.\nSent me to clinic a lot.',
    );
  });
});

describe('what follows the text', () => {
  test.each([
    ['-- \nPriya Patel\nST3', 'signature'],
    ['--\nPriya', 'signature'],
    ['Sent from my iPhone', 'signature'],
    ['Sent from Outlook for Android', 'signature'],
    ['Get Outlook for iOS', 'signature'],
    ['Von meinem iPhone gesendet', 'signature'],
    ['Envoyé de mon iPhone', 'signature'],
    ['Enviado desde mi iPhone', 'signature'],
    ["Wysłane z iPhone'a", 'signature'],
    [
      'This e-mail and any attachments are confidential and may be privileged. If you are not the intended recipient, please delete it.',
      'disclaimer',
    ],
    ['DISCLAIMER: The information in this email is confidential.', 'disclaimer'],
    ['Please consider the environment before printing this e-mail.', 'disclaimer'],
    [
      'Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte den Absender.',
      'disclaimer',
    ],
    ["Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires.", 'disclaimer'],
  ])('%p is removed as %p', (tail, kind) => {
    const trimmed = trimReply(`Skills: suturing\n\n${tail}\n`, { senderName: 'Priya Patel' });
    expect(trimmed.text).toBe('Skills: suturing');
    expect(trimmed.top).toBe('Skills: suturing');
    expect(trimmed.removed[kind as 'signature' | 'signoff' | 'disclaimer']).toBeGreaterThan(0);
  });

  test.each([
    'Thanks,\nPriya',
    'Best wishes,\nPriya',
    'Best wishes, Priya',
    'Kind regards',
    'Many thanks in advance,\nP',
    'Cheers\nPriya x',
    'Mit freundlichen Grüßen\nJonas Weber',
    'Cordialement,\nPriya',
    'Pozdrawiam,\nPriya',
    'С уважением,\nПрия',
    'Met vriendelijke groet,\nPriya',
  ])('the sign-off %p stays in the text and is left out of the answers', (signOff) => {
    const trimmed = trimReply(`Skills: suturing\n\n${signOff}\n`, { senderName: 'Priya Patel' });
    expect(trimmed.text).toBe(`Skills: suturing\n\n${signOff}`);
    expect(trimmed.top).toBe('Skills: suturing');
    expect(trimmed.removed.signoff).toBeGreaterThan(0);
  });

  test('a sign-off stays, the signature block under it goes', () => {
    const trimmed = trimReply('Good luck!\n\nBest wishes,\nJane\n\nDr Jane Smith\nConsultant Surgeon\nTel: 0191 233 6161\n', {
      senderName: 'Jane Smith',
    });
    expect(trimmed.text).toBe('Good luck!\n\nBest wishes,\nJane');
    expect(trimmed.removed.signature).toBe(3);
  });

  test('the name typed on after the last sentence is left out of the answers (issue 9, item 14)', () => {
    const trimmed = trimReply('Satisfaction: OK but busy. Sorry, will do the rest later - on call. Tom', { senderName: 'Tom Baker' });
    expect(trimmed.top).toBe('Satisfaction: OK but busy. Sorry, will do the rest later - on call.');
    expect(trimmed.text).toBe('Satisfaction: OK but busy. Sorry, will do the rest later - on call. Tom');
  });

  test('a name, job title and phone block without a sign-off', () => {
    const trimmed = trimReply(
      'Negatives:\n- Rota gaps\n- Nights\n\nDr Priya Patel\nST3 General Surgery, Freeman Hospital\nMob: 07700 900123\n',
      { senderName: 'Priya Patel' },
    );
    expect(trimmed.text).toBe('Negatives:\n- Rota gaps\n- Nights');
    expect(trimmed.removed.signature).toBe(3);
  });

  test('a last line that is the sender’s first name is a sign-off', () => {
    const trimmed = trimReply('Skills: suturing\nPriya', { senderName: 'PATEL, Priya (NEWCASTLE HOSPITALS)' });
    expect(trimmed.top).toBe('Skills: suturing');
    expect(trimmed.text).toBe('Skills: suturing\nPriya');
  });

  test('answers that merely look like closings stay', () => {
    for (const text of [
      'Anything else: Thanks to the team for covering my exams',
      'Positives:\n- Best practice award\n- Cheers from the ward',
    ]) {
      expect(trimReply(text, { senderName: 'Priya Patel' }).text).toBe(text);
    }
  });

  test('an external-mail banner is removed wherever it is', () => {
    const trimmed = trimReply('[EXTERNAL] This email originated from outside of the organisation.\n\nSkills: suturing');
    expect(trimmed.text).toBe('Skills: suturing');
    expect(trimmed.removed.disclaimer).toBe(1);
  });

  test('a greeting is kept in the new text', () => {
    expect(trimReply('Hi Jane,\n\nI am fine.\n\nThanks,\nPriya', { senderName: 'Priya Patel' }).top).toBe('Hi Jane,\n\nI am fine.');
  });
});

describe('text typed between quoted lines', () => {
  test('is kept after the quoted line it answers, and counted', () => {
    const body =
      'See below.\n\nOn Tue, 2 Mar 2027, Bot <b@x.org> wrote:\n> 1. Skills acquisition\n> What new skills?\nSuturing.\n\n> 2. Satisfaction with training\n> How satisfied?\nVery.\n\nThanks,\nPriya\n';
    const trimmed = trimReply(body, { senderName: 'Priya Patel' });
    expect(trimmed.text).toBe(
      'See below.\n\n> 1. Skills acquisition\nSuturing.\n\n> 2. Satisfaction with training\nVery.\n\nThanks,\nPriya',
    );
    expect(trimmed.removed).toEqual({ quoted: 5, signature: 0, signoff: 2, disclaimer: 0 });
    expect(trimmed.history).not.toContain('Thanks,');
    expect(trimmed.history).toContain('> 1. Skills acquisition\n> What new skills?\nSuturing.');
  });

  test('an older thread inside an unmarked original is quoted in the history', () => {
    const body =
      'Top.\n\nFrom: Bot <b@x.org>\nSent: today\nTo: me\nSubject: Q\n\n1. Skills acquisition\nmine\n\nFrom: me\nSent: yesterday\nTo: Bot\nSubject: old\n\nold text';
    expect(trimReply(body).history.trim()).toBe('1. Skills acquisition\nmine\n\n> old text');
  });
});

describe('CRLF, HTML and whole messages', () => {
  test('CRLF and no-break spaces are normalised', () => {
    expect(trimReply('Skills:\u00a0suturing\r\n\r\nOn Tue, Bot <b@x.org> wrote:\r\n> old\r\n').text).toBe('Skills: suturing');
  });

  test('HTML blockquotes become quoted lines and Outlook reply blocks a header', () => {
    const text = htmlToText(
      '<div>New</div><div id="divRplyFwdMsg"><b>From:</b> Bot<br><b>Sent:</b> x<br><b>To:</b> y<br><b>Subject:</b> z</div><div>Original</div><blockquote>Quoted<blockquote>Deeper</blockquote></blockquote>',
    );
    expect(text).toBe('New\n\n-----Original Message-----\nFrom: Bot\nSent: x\nTo: y\nSubject: z\nOriginal\n\n> Quoted\n> \n> > Deeper');
    expect(trimReply(text).text).toBe('New');
  });

  test('extractNewText reads a message and keeps the sender’s name as the sign-off', async () => {
    const raw = [
      'From: Jane Smith <jane@nhs.example.net>',
      'Subject: Re: feedback',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Well done on Part A.',
      '',
      'Jane',
      '',
      '> Priya wrote: I passed.',
      '',
    ].join('\r\n');
    const result = extractNewText(await readMessage(Buffer.from(raw)));
    expect(result.text).toBe('Well done on Part A.\n\nJane');
    expect(result.removed).toEqual({ quoted: 1, signature: 0, signoff: 1, disclaimer: 0 });
  });
});

describe('a message that is only a sign-off', () => {
  test('keeps it as its text', () => {
    const trimmed = trimReply('Thanks!\n\nPriya\n\nOn Tue, Bot <b@x.org> wrote:\n> Feedback', { senderName: 'Priya Patel' });
    expect(trimmed.text).toBe('Thanks!\n\nPriya');
    expect(trimmed.removed).toEqual({ quoted: 2, signature: 0, signoff: 2, disclaimer: 0 });
  });

  test('a last paragraph with a phone number in a sentence is not a signature', () => {
    expect(trimReply('Anything else: yes.\n\nCall me on 07700 900123 if easier.').text).toBe(
      'Anything else: yes.\n\nCall me on 07700 900123 if easier.',
    );
  });
});

describe('an unmarked original with the text it quotes known', () => {
  const original =
    'Dear Jane,\n\nPriya Patel has answered their e-mentoring questionnaire (round 3).\n\n3. Additions to your CV\nPassed MRCS Part A in February.\n\n9. Negative points from the past two months (at least two)\n  - Delayed diagnosis of a perforated bowel on a night shift\n  - Rota gaps';
  const body = `Hi Priya, comments below.\n\nFrom: Priya Patel via E-mentoring <m+t@x.org>\nSent: 03 March 2027 20:00\nTo: Jane Smith\nSubject: Priya Patel's questionnaire, round 3\n\n${original.replace('February.', 'February.\nCongratulations! Which date for Part B?').replace('  - Rota gaps', '  - Rota gaps\nWorth a short reflection; happy to read it.')}`;

  test('lines typed into it are new text, shown under the line they answer', () => {
    expect(trimReply(body, { originalText: original }).text).toBe(
      'Hi Priya, comments below.\n\n> 3. Additions to your CV\nCongratulations! Which date for Part B?\n\n> 9. Negative points from the past two months (at least two)\nWorth a short reflection; happy to read it.',
    );
  });

  test('without it only the text above the header is new', () => {
    expect(trimReply(body).text).toBe('Hi Priya, comments below.');
  });
});
