/**
 * What follows the words: the sign-off stays (it is the person's voice), signature blocks,
 * mobile footers, disclaimers and external-mail banners go, in English and other languages.
 */
import { MENTORS as M, TRAINEES as T } from '../world.mjs';
import { conv } from './helpers.mjs';
import { rfcDate } from '../langs.mjs';

const SAID = `How did the week go?`;

function plain(name, from, body, expected, { subject = 'Re: Round 3: a message from Jane Smith', extra = [] } = {}) {
  return {
    name,
    expect: { kind: 'reply', reply_text: expected },
    client: 'raw',
    raw: [
      `From: ${from}`,
      'To: mentoring+s4kq7xv2mbz9nr3tw6cy8pda5h@deanery.example.org',
      `Subject: ${subject}`,
      `Date: ${rfcDate({ y: 2027, m: 3, d: 3, wd: 3, h: 18, min: 5 })}`,
      `Message-ID: <sig-${name}@nhs.example.net>`,
      ...extra,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\r\n'),
  };
}

const QUOTE = `\n\nOn Tue, 2 Mar 2027 at 09:14, Jane Smith via E-mentoring <mentoring@deanery.example.org> wrote:\n> How did the week go?\n> Jane`;

export default [
  conv({
    name: 'signoff_best_wishes_name_on_one_line',
    client: 'gmail',
    author: T.priya,
    other: M.jane,
    said: SAID,
    reply: `Better than last week, thank you. Best wishes, Priya`,
  }),
  conv({
    name: 'signoff_thanks_alone',
    client: 'gmail',
    author: T.tom,
    other: M.richard,
    said: SAID,
    reply: `Busy but good. I did my first solo hernia repair.

Thanks,`,
  }),
  conv({
    name: 'signoff_kisses_and_initial',
    client: 'iphone_mail',
    author: M.fiona,
    other: T.aisha,
    said: SAID,
    reply: `So proud of you!

F x`,
  }),
  conv({
    name: 'signoff_then_full_signature_block',
    client: 'outlook_desktop',
    author: M.david,
    other: T.ben,
    said: SAID,
    reply: `Ben,

Let us go through the portfolio on Monday at 4.

Regards,
David`,
    signature: `Dr David Chen MBBS FRCP
Consultant Physician and Clinical Lead, Acute Medicine
Freeman Hospital, Freeman Road, Newcastle upon Tyne NE7 7DN
Tel: 0191 233 6161 ext 31234 | Bleep 2210
www.newcastle-hospitals.example.net`,
  }),
  plain(
    'signature_after_dashes_no_signoff',
    'Richard Okafor <r.okafor@nhs.example.net>',
    `Tom, the logbook looks fine. Get the consultant sign-off for the last 10 cases.\n\n-- \nRichard Okafor\nConsultant Colorectal Surgeon\nRVI Newcastle${QUOTE}`,
    'Tom, the logbook looks fine. Get the consultant sign-off for the last 10 cases.',
  ),
  plain(
    'nhs_disclaimer_after_signoff',
    'Jane Smith <jane.smith@nhs.example.net>',
    `Priya,\n\nYes, you should go to the course. I will sign the form.\n\nBest,\nJane\n\n********************************************************************************************************************\n\nThis message may contain confidential information. If you are not the intended recipient please inform the\nsender that you have received the message in error before deleting it.\nPlease do not disclose, copy or distribute information in this e-mail or take any action in relation to its contents. To do so is strictly prohibited and may be unlawful. Thank you for your co-operation.\n\nNHSmail is the secure email and directory service available for all NHS staff in England. NHSmail is approved for exchanging patient data and other sensitive information with NHSmail and other accredited email services.\n${QUOTE}`,
    'Priya,\n\nYes, you should go to the course. I will sign the form.\n\nBest,\nJane',
  ),
  plain(
    'disclaimer_german_vertraulich',
    'Klaus Becker <klaus.becker@nhs.example.net>',
    `Hallo Jonas,\n\ndas klingt gut. Lass uns am Montag telefonieren.\n\nViele Grüße\nKlaus\n\n--\nDiese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und vernichten Sie diese Mail.${QUOTE}`,
    'Hallo Jonas,\n\ndas klingt gut. Lass uns am Montag telefonieren.\n\nViele Grüße\nKlaus',
  ),
  plain(
    'disclaimer_french_confidentiel',
    'Marie Dubois <marie.dubois@nhs.example.net>',
    `Hi Jane,\n\nThe week was fine, thank you. I passed my DOPS.\n\nCordialement,\nMarie\n\nCe message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires. Toute utilisation non conforme à sa destination est interdite.${QUOTE}`,
    'Hi Jane,\n\nThe week was fine, thank you. I passed my DOPS.\n\nCordialement,\nMarie',
  ),
  plain(
    'disclaimer_spanish_confidencial',
    'Lucía García <lucia.garcia@nhs.example.net>',
    `Hi Jane,\n\nA good week. I started the research project.\n\nSaludos,\nLucía\n\nEste mensaje y sus archivos adjuntos van dirigidos exclusivamente a su destinatario, pudiendo contener información confidencial. Si usted no es el destinatario, le rogamos que lo comunique al remitente y proceda a su borrado.${QUOTE}`,
    'Hi Jane,\n\nA good week. I started the research project.\n\nSaludos,\nLucía',
  ),
  plain(
    'disclaimer_dutch_uitsluitend_bestemd',
    'Sanne de Vries <sanne.devries@nhs.example.net>',
    `Hi Jane,\n\nGood week! I finally got my ultrasound sign-off.\n\nMet vriendelijke groet,\nSanne de Vries\n\nDit bericht is uitsluitend bestemd voor de geadresseerde. Indien u dit bericht onterecht ontvangt, wordt u verzocht de inhoud niet te gebruiken en de afzender direct te informeren.${QUOTE}`,
    'Hi Jane,\n\nGood week! I finally got my ultrasound sign-off.\n\nMet vriendelijke groet,\nSanne de Vries',
  ),
  plain(
    'disclaimer_italian_riservato',
    'Giulia Rossi <giulia.rossi@nhs.example.net>',
    `Hi Jane,\n\nVery busy week on call, but I learned a lot.\n\nCordiali saluti,\nGiulia\n\nQuesto messaggio e i suoi allegati sono indirizzati esclusivamente alle persone indicate e possono contenere informazioni riservate. Se avete ricevuto questo messaggio per errore, vi preghiamo di informare il mittente.${QUOTE}`,
    'Hi Jane,\n\nVery busy week on call, but I learned a lot.\n\nCordiali saluti,\nGiulia',
  ),
  plain(
    'external_banner_at_top',
    'Helen Marsh <helen.marsh@university.example.ac.uk>',
    `CAUTION: This email originated from outside of the organisation. Do not click links or open attachments unless you recognise the sender and know the content is safe.\n\nAisha,\n\nGreat to hear the presentation went well.\n\nHelen${QUOTE}`,
    'Aisha,\n\nGreat to hear the presentation went well.\n\nHelen',
  ),
  plain(
    'external_tag_and_contact_block',
    'Fiona MacLeod <fiona.macleod@nhs.example.net>',
    `[EXTERNAL]\n\nBen, I am away next week but back on the 15th.\n\nFiona\n\nDr Fiona MacLeod\nConsultant in Palliative Medicine\nM: 07700 900456\nE: fiona.macleod@nhs.example.net${QUOTE}`,
    'Ben, I am away next week but back on the 15th.\n\nFiona',
  ),
  plain(
    'mobile_footer_german_iphone',
    'Jonas Weber <jonas.weber@nhs.example.net>',
    `Yes, Monday at 7pm is perfect.\n\nVon meinem iPhone gesendet${QUOTE}`,
    'Yes, Monday at 7pm is perfect.',
  ),
  plain(
    'mobile_footer_samsung_galaxy',
    'Tom Baker <tom.baker@nhs.example.net>',
    `Running late, will call at 6.30 instead.\n\n\n\nSent from my Samsung Galaxy smartphone.${QUOTE}`,
    'Running late, will call at 6.30 instead.',
  ),
  plain(
    'mobile_footer_dutch_verstuurd',
    'Sanne de Vries <sanne.devries@nhs.example.net>',
    `Prima, tot dan!\n\nVerstuurd vanaf mijn iPhone${QUOTE}`,
    'Prima, tot dan!',
  ),
  plain(
    'mobile_footer_polish_wyslane',
    'Katarzyna Nowak <katarzyna.nowak@nhs.example.net>',
    `Thank you, see you on Friday.\n\nWysłane z iPhone'a${QUOTE}`,
    'Thank you, see you on Friday.',
  ),
  plain(
    'mobile_footer_proton_and_signoff',
    'Priya Patel <priya.patel@nhs.example.net>',
    `Thanks Jane, that helps.\n\nPriya\n\nSent with Proton Mail secure email.${QUOTE}`,
    'Thanks Jane, that helps.\n\nPriya',
  ),
  plain(
    'signoff_foreign_pozdrawiam_with_title_block',
    'Anna Kowalska <anna.kowalska@nhs.example.net>',
    `Kasia,\n\nGood progress this month. Keep the logbook up to date.\n\nPozdrawiam,\nAnna\n\nDr hab. n. med. Anna Kowalska\nConsultant Anaesthetist\nTel. +44 191 233 6161${QUOTE}`,
    'Kasia,\n\nGood progress this month. Keep the logbook up to date.\n\nPozdrawiam,\nAnna',
  ),
  plain(
    'signoff_russian_s_uvazheniem',
    'Dmitri Ivanov <dmitri.ivanov@nhs.example.net>',
    `Hi Jane,\n\nThe week was good. I did three central lines.\n\nС уважением,\nДмитрий${QUOTE}`,
    'Hi Jane,\n\nThe week was good. I did three central lines.\n\nС уважением,\nДмитрий',
  ),
  plain(
    'signoff_swedish_med_vanlig_halsning',
    'Erik Lindqvist <erik.lindqvist@nhs.example.net>',
    `Hi Jane,\n\nA calm week for once.\n\nMed vänlig hälsning\nErik Lindqvist\nST2 Anaesthetics\nerik.lindqvist@nhs.example.net`,
    'Hi Jane,\n\nA calm week for once.\n\nMed vänlig hälsning\nErik Lindqvist',
  ),
  plain(
    'signature_pipe_separated_line',
    'David Chen <david.chen@nhs.example.net>',
    `Ben - good work on the audit. Send me the slides when ready.\n\nDavid\n\nDr David Chen | Consultant Physician | Freeman Hospital | 0191 233 6161${QUOTE}`,
    'Ben - good work on the audit. Send me the slides when ready.\n\nDavid',
  ),
  plain(
    'closing_sentence_not_a_signoff',
    'Priya Patel <priya.patel@nhs.example.net>',
    `Hi Jane,\n\nThe week was hard. Thanks for asking, it means a lot.\nBest thing was the teaching on Thursday.${QUOTE}`,
    'Hi Jane,\n\nThe week was hard. Thanks for asking, it means a lot.\nBest thing was the teaching on Thursday.',
  ),
  plain(
    'phone_number_in_sentence_kept',
    'Aisha Rahman <aisha.rahman2@nhs.example.net>',
    `Helen,\n\nCall me on 07700 900123 after 6 if that is easier.\n\nAisha${QUOTE}`,
    'Helen,\n\nCall me on 07700 900123 after 6 if that is easier.\n\nAisha',
  ),
  plain(
    'underscore_rule_then_signature',
    'Richard Okafor <r.okafor@nhs.example.net>',
    `Tom, that all sounds sensible. Keep me posted.\n\nRichard\n______________________________\nMr Richard Okafor FRCS\nConsultant Colorectal Surgeon\nRoyal Victoria Infirmary${QUOTE}`,
    'Tom, that all sounds sensible. Keep me posted.\n\nRichard',
  ),
  plain(
    'name_only_signoff_bold_markup',
    'Jane Smith <jane.smith@nhs.example.net>',
    `Priya - all good, speak Thursday.\n\n*Jane*${QUOTE}`,
    'Priya - all good, speak Thursday.\n\n*Jane*',
  ),
];
