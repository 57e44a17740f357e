/**
 * The same conversation from phones and mail clients set to other languages: the line above
 * the quote ("Am … schrieb …", "… написал(а):", "Op … het volgende geschreven:"), the Outlook
 * From/Sent block and "Original Message" separators, and Android's "Original message" block.
 */
import { MENTORS as M, TRAINEES as T } from '../world.mjs';
import { conv } from './helpers.mjs';

const ASK = `Thank you for your answers. How are you feeling about the exam now? Let me know if a call would help.`;

/** One short, realistic English reply per trainee, so each language case has its own text. */
const REPLIES = {
  jonas: `Hi Jane,

Much better, thanks. I have done two mock exams and passed both.

Viele Grüße
Jonas`,
  marie: `Dear Jane,

I feel more confident now. A call next week would be lovely, maybe Tuesday evening?

Bien cordialement,
Marie`,
  lucia: `Hi Jane,

A bit nervous but OK. I am revising every morning before work.

Un saludo,
Lucía`,
  giulia: `Hi Jane,

Thank you! I think a call would help. I am free on Thursday after 6pm.

Giulia`,
  joao: `Hi Jane,

I am feeling good about it. The revision course was very useful.

Abraço,
João`,
  sanne: `Hi Jane,

Much better than last month. I would like a call, any evening next week works.

Groetjes,
Sanne`,
  erik: `Hi Jane,

Calmer now. I booked the exam for June and made a revision plan.

Hälsningar,
Erik`,
  mette: `Hi Jane,

I am fine, thank you. The study group is helping a lot.

Mette`,
  ingrid: `Hi Jane,

Still a bit anxious. A call would be great, maybe Monday?

Ingrid`,
  aino: `Hi Jane,

Good, thank you. I passed the written part last week!

Aino`,
  kasia: `Hi Jane,

Thank you for asking. I am tired after nights but the revision is on track.

Pozdrawiam,
Kasia`,
  jana: `Hi Jane,

Fine, thanks. I have one more mock exam on Saturday.

Jana`,
  dmitri: `Hi Jane,

I feel ready. The exam is on 14 April.

Dmitri`,
  olena: `Hi Jane,

Not great, honestly. Could we talk this week?

Olena`,
  elif: `Hi Jane,

Much better. My consultant is giving me extra clinic time for practice.

Elif`,
  zsofia: `Hi Jane,

Thank you. I am more relaxed since I passed the written paper.

Zsófia`,
  eleni: `Hi Jane,

A call would help, yes. I am free on Wednesday.

Eleni`,
  yuki: `Hi Jane,

I am doing well. The practice sessions with the registrars help a lot.

Yuki`,
  wei: `Hi Jane,

I feel prepared. Thank you for the revision tips.

Wei`,
  jiwoo: `Hi Jane,

Good! I am on leave next week and will use it to revise.

Ji-woo`,
  minh: `Hi Jane,

A little stressed but fine. Can we talk on Friday?

Minh`,
  andrei: `Hi Jane,

I am feeling better. I passed the mock OSCE.

Andrei`,
  noa: `Hi Jane,

Thanks for checking in. I am OK, just busy with nights.

Noa`,
  omar: `Hi Jane,

Much better, thank you. The exam is in May.

Omar`,
  putri: `Hi Jane,

I feel good about it. My study group meets twice a week.

Putri`,
  jordi: `Hi Jane,

Fine, thanks. I will let you know the date of the exam.

Jordi`,
  ivana: `Hi Jane,

A call would be great. Tuesday after work?

Ivana`,
  martin: `Hi Jane,

I am feeling confident. Thank you for your support.

Martin`,
};

const gmailCase = (key, extra = {}) =>
  conv({
    name: `gmail_${T[key].lang.replace('-', '_')}_attribution`,
    client: 'gmail',
    lang: T[key].lang,
    author: T[key],
    other: M.jane,
    said: ASK,
    reply: REPLIES[key],
    ...extra,
  });

export default [
  // Gmail, one per interface language.
  ...[
    'jonas',
    'marie',
    'lucia',
    'giulia',
    'joao',
    'sanne',
    'erik',
    'mette',
    'ingrid',
    'aino',
    'kasia',
    'jana',
    'dmitri',
    'olena',
    'elif',
    'zsofia',
    'eleni',
    'yuki',
    'wei',
    'jiwoo',
    'minh',
    'andrei',
    'noa',
    'omar',
    'putri',
    'jordi',
    'ivana',
    'martin',
  ].map((k) => gmailCase(k)),
  conv({
    name: 'gmail_en_us_attribution',
    client: 'gmail',
    lang: 'en-US',
    author: M.helen,
    other: T.aisha,
    said: `Helen, I got the fellowship! Aisha`,
    reply: `Wonderful news, Aisha. Very well deserved.

Helen`,
  }),
  // Apple Mail / iPhone in other languages: the attribution is itself quoted.
  ...[
    ['jonas', 'iphone_mail', 'Von meinem iPhone gesendet'],
    ['marie', 'iphone_mail', 'Envoyé de mon iPhone'],
    ['sanne', 'apple_mail', null],
    ['lucia', 'iphone_mail', 'Enviado desde mi iPhone'],
    ['giulia', 'iphone_mail', 'Inviato da iPhone'],
    ['erik', 'iphone_mail', 'Skickat från min iPhone'],
    ['kasia', 'apple_mail', null],
    ['dmitri', 'iphone_mail', 'Отправлено с iPhone'],
    ['joao', 'iphone_mail', 'Enviado do meu iPhone'],
    ['yuki', 'apple_mail', null],
    ['zsofia', 'apple_mail', null],
    ['elif', 'iphone_mail', "iPhone'umdan gönderildi"],
    ['wei', 'apple_mail', null],
    ['aino', 'iphone_mail', 'Lähetetty iPhonesta'],
    ['jana', 'apple_mail', null],
  ].map(([k, client, mobileSig]) =>
    conv({
      name: `${client}_${T[k].lang}_attribution`,
      client,
      lang: T[k].lang,
      author: T[k],
      other: M.jane,
      said: ASK,
      reply: REPLIES[k],
      ...(mobileSig ? { mobileSig } : {}),
    }),
  ),
  // Outlook desktop with its From/Sent/To/Subject labels in the interface language.
  ...[
    ['jonas', null],
    ['marie', null],
    ['lucia', null],
    ['giulia', null],
    ['sanne', null],
    ['erik', null],
    ['mette', 'original'],
    ['ingrid', null],
    ['aino', null],
    ['kasia', null],
    ['jana', null],
    ['dmitri', null],
    ['olena', null],
    ['elif', null],
    ['zsofia', null],
    ['eleni', null],
    ['jiwoo', null],
    ['andrei', null],
    ['putri', null],
    ['ivana', null],
  ].map(([k, separator]) =>
    conv({
      name: `outlook_desktop_${T[k].lang}_header_block${separator ? '_separator' : ''}`,
      client: 'outlook_desktop',
      lang: T[k].lang,
      author: T[k],
      other: M.jane,
      said: ASK,
      reply: REPLIES[k],
      ...(separator ? { outlookSeparator: '-----Oprindelig meddelelse-----' } : {}),
    }),
  ),
  // Outlook plain text with the localized "Original Message" separator above the block.
  ...['jonas', 'marie', 'lucia', 'sanne', 'kasia', 'dmitri', 'andrei', 'minh', 'noa'].map((k) =>
    conv({
      name: `outlook_text_${T[k].lang}_original_message_separator`,
      client: 'outlook_desktop',
      format: 'text',
      lang: T[k].lang,
      author: T[k],
      other: M.jane,
      said: ASK,
      reply: REPLIES[k],
      outlookSeparator: originalSeparator(T[k].lang),
    }),
  ),
  // Samsung Email: "-------- Original message --------" and an unquoted header block.
  ...['jonas', 'marie', 'lucia', 'sanne', 'giulia', 'kasia', 'dmitri'].map((k) =>
    conv({
      name: `samsung_${T[k].lang}_original_message`,
      client: 'samsung',
      lang: T[k].lang,
      author: T[k],
      other: M.jane,
      said: ASK,
      reply: REPLIES[k],
      mobileSig: {
        de: 'Von meinem Samsung Galaxy Smartphone gesendet.',
        fr: 'Envoyé depuis mon appareil Galaxy',
        es: 'Enviado desde mi Galaxy',
        nl: 'Verzonden vanaf mijn Galaxy',
        it: 'Inviato dal mio Galaxy',
        pl: 'Wysłane z mojego Galaxy',
        ru: 'Отправлено с устройства Galaxy',
      }[T[k].lang],
    }),
  ),
  // Thunderbird (bottom-posting by default) in other languages.
  ...['jonas', 'marie', 'sanne', 'kasia', 'dmitri', 'giulia', 'lucia', 'erik', 'jana'].map((k) =>
    conv({
      name: `thunderbird_${T[k].lang}_bottom_posted`,
      client: 'thunderbird',
      lang: T[k].lang,
      author: T[k],
      other: M.jane,
      said: ASK,
      reply: REPLIES[k],
    }),
  ),
  // A German mentor's clients.
  conv({
    name: 'k9_de_schrieb_am',
    client: 'k9',
    lang: 'de',
    author: M.klaus,
    other: T.jonas,
    said: `Hallo Klaus, the exam went well! Jonas`,
    reply: `Super, Jonas! Herzlichen Glückwunsch.`,
    mobileSig: 'Diese Nachricht wurde von meinem Android-Gerät mit K-9 Mail gesendet.',
  }),
  conv({
    name: 'roundcube_de_am_schrieb',
    client: 'roundcube',
    lang: 'de',
    author: M.klaus,
    other: T.jonas,
    said: `Klaus, could we meet on Friday? Jonas`,
    reply: `Freitag passt. 14 Uhr in der Cafeteria?

Klaus`,
  }),
  conv({
    name: 'horde_de_zitat_von',
    client: 'horde',
    lang: 'de',
    author: M.klaus,
    other: T.jonas,
    said: `Klaus, thank you for the reference letter. Jonas`,
    reply: `Gern geschehen. Viel Erfolg bei der Bewerbung!

Klaus`,
  }),
  conv({
    name: 'gmx_de_gesendet_von_block',
    client: 'gmx',
    lang: 'de',
    author: M.klaus,
    other: T.jonas,
    said: `Klaus, I have a question about the rota. Jonas`,
    reply: `Hallo Jonas,

frag einfach, ich helfe gerne.

Viele Grüße
Klaus`,
  }),
  conv({
    name: 'mailru_ru_ot_attribution',
    client: 'mailru',
    lang: 'ru',
    author: T.dmitri,
    other: M.jane,
    said: ASK,
    reply: REPLIES.dmitri,
  }),
  conv({
    name: 'yandex_ru_attribution',
    client: 'yandex',
    lang: 'ru',
    author: T.olena,
    other: M.jane,
    said: ASK,
    reply: REPLIES.olena,
  }),
  conv({
    name: 'qq_mail_zh_original_block',
    client: 'qq_mail',
    lang: 'zh',
    author: T.wei,
    other: M.jane,
    said: ASK,
    reply: REPLIES.wei,
  }),
  conv({
    name: 'thunderbird_pl_pisze_toppost',
    client: 'thunderbird',
    lang: 'pl',
    posting: 'top',
    author: M.anna,
    other: T.kasia,
    said: `Anna, I passed the exam! Kasia`,
    reply: `Gratulacje, Kasia! Well done.

Anna`,
  }),
];

function originalSeparator(lang) {
  return {
    de: '-----Ursprüngliche Nachricht-----',
    fr: "-----Message d'origine-----",
    es: '-----Mensaje original-----',
    nl: '-----Oorspronkelijk bericht-----',
    pl: '-----Oryginalna wiadomość-----',
    ru: '-----Исходное сообщение-----',
    ro: '-----Mesaj original-----',
    vi: '-----Thư gốc-----',
    he: '-----הודעה מקורית-----',
  }[lang];
}
