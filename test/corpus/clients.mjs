/**
 * Mail clients as they write a reply: their headers, MIME structure, HTML markup, the line
 * they put above the quoted message, how they quote it and where they put the signature.
 * Each renderer takes a case (see build.mjs) and returns the raw message.
 */
import { LANGS, EN_DAYS, EN_DAYS_LONG, EN_MONTHS, EN_MONTHS_LONG, pad, ampm, ap, rfcDate } from './langs.mjs';
import { escapeHtml, leaf, mailbox, message, multipart, seeded } from './mime.mjs';

const ordinal = (n) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** Lines of text, split on newlines. */
const lines = (text) => (text ?? '').replace(/\r\n/g, '\n').split('\n');
const quote = (text, prefix = '> ') =>
  lines(text)
    .map((l) => (l === '' ? prefix.trimEnd() : `${prefix}${l}`))
    .join('\n');
const who = (o) => `${o.name} <${o.address}>`;

/** Common headers every client writes, in the client's order. */
function baseHeaders(c, { messageId, mailer, extra = [], order = 'from-first' }) {
  const h = {
    from: ['From', mailbox(c.from.name, c.from.address)],
    to: ['To', c.toHeader ?? mailbox(c.toName ?? 'E-mentoring', c.to)],
    subject: ['Subject', c.encodedSubject ?? c.subject],
    date: ['Date', rfcDate(c.date, c.zone)],
    id: ['Message-ID', messageId],
  };
  const threading = c.inReplyTo
    ? [
        ['In-Reply-To', c.inReplyTo],
        ['References', c.references ?? c.inReplyTo],
      ]
    : [];
  const received = [
    `Return-Path: <${c.from.address}>`,
    `Delivered-To: ${c.to}`,
    [
      'Received',
      `from ${c.relayHost ?? 'mx.example.net'} (${c.relayHost ?? 'mx.example.net'} [192.0.2.${10 + (c.name.length % 200)}]) by mail.deanery.example.org (Postfix) with ESMTPS id ${c.rand(10).toUpperCase()} for <${c.to}>; ${rfcDate(c.date, c.zone)}`,
    ],
  ];
  const core =
    order === 'date-first'
      ? [h.date, h.from, h.to, h.id, h.subject]
      : order === 'outlook'
        ? [
            h.from,
            h.to,
            h.subject,
            ['Thread-Topic', c.subject.replace(/^(?:re|aw|sv|antw|fw|fwd|tr|rv)\s*:\s*/i, '')],
            ['Thread-Index', `AQH${c.rand(22)}==`],
            h.date,
            h.id,
          ]
        : [h.from, h.date, h.id, h.subject, h.to];
  return [...received, ...core, ...threading, ...(mailer ? [mailer] : []), ...extra, ...(c.extraHeaders ?? [])];
}

/** The reply's parts in reading order for plain text: own text, signature, then the history. */
function plainBody(c, { attribution, quoted, sig, mobile, between = '\n\n', sigDelimiter = '-- \n' }) {
  const own = [c.reply];
  if (c.signature) own.push(`${sigDelimiter}${c.signature}`);
  if (mobile) own.push(mobile);
  const ownText = own.filter((p) => p !== undefined && p !== '').join('\n\n');
  if (!c.original) return `${ownText}\n`;
  if (c.posting === 'bottom') return `${attribution}${between}${quoted}\n\n${ownText}\n`;
  if (c.posting === 'inline') return `${attribution}\n${inlineParts(c, quoted)}\n`;
  void sig;
  return `${ownText}${between}${attribution}${attribution.endsWith('\n') ? '' : '\n'}${quoted}\n`;
}

/** Inline posting: quoted chunks and own answers alternating, as given by the case. */
function inlineParts(c, quoteFn) {
  void quoteFn;
  const out = [];
  for (const part of c.inline) {
    if (part.quote !== undefined) out.push(quote(part.quote, c.quotePrefix ?? '> '));
    else out.push(`\n${part.own}\n`);
  }
  if (c.signature) out.push(`\n-- \n${c.signature}`);
  return out.join('\n');
}

function htmlLinesDiv(text, { tag = 'div', attrs = '', blank = '<br>' } = {}) {
  return lines(text)
    .map((l) => (l.trim() === '' ? `<${tag}${attrs}>${blank}</${tag}>` : `<${tag}${attrs}>${escapeHtml(l)}</${tag}>`))
    .join('\n');
}

const htmlBr = (text) => lines(text).map(escapeHtml).join('<br>\n');

function alternative(
  c,
  text,
  html,
  { boundary, textEncoding = 'quoted-printable', htmlEncoding = 'quoted-printable', charset = 'UTF-8', textParams = '' },
) {
  const format = c.format ?? 'alt';
  const textPart = leaf({ type: 'text/plain', charset, encoding: textEncoding, body: text, params: textParams });
  const htmlPart = leaf({ type: 'text/html', charset, encoding: htmlEncoding, body: html });
  if (format === 'text') return textPart;
  if (format === 'html') return htmlPart;
  return multipart('alternative', boundary, [textPart, htmlPart]);
}

function withAttachments(c, part, boundary) {
  if (!c.attachments) return part;
  const files = c.attachments.map((a) =>
    leaf({
      type: a.type,
      charset: null,
      encoding: 'base64',
      body: a.content,
      params: `; name="${a.filename}"`,
      disposition: `attachment; filename="${a.filename}"`,
    }),
  );
  return multipart('mixed', boundary, [part, ...files]);
}

// --- Gmail ---------------------------------------------------------------------------------

function gmailAttribution(c, variant) {
  const o = c.original;
  const L = LANGS[c.lang ?? 'en'];
  if (c.attribution) return c.attribution;
  if (variant === 'android' && (c.lang ?? 'en') === 'en') {
    const d = o.date;
    return `On ${EN_DAYS[d.wd]}, ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y}, ${pad(d.h)}:${pad(d.min)} ${o.name}, <${o.address}> wrote:`;
  }
  return L.gmail(o.date, who(o));
}

/** Gmail's text part breaks a long attribution after the "<" of the address. */
function gmailWrap(line) {
  if (line.length <= 78 || !line.includes(' <')) return line;
  const at = line.indexOf(' <') + 2;
  return `${line.slice(0, at)}\n${line.slice(at)}`;
}

function gmailHtmlBody(c, attribution) {
  const sig = c.signature
    ? `<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">${lines(
        c.signature,
      )
        .map((l, i) => (i === 0 ? escapeHtml(l) : `<div>${escapeHtml(l) || '<br>'}</div>`))
        .join('')}</div></div>`
    : '';
  const own = `<div dir="ltr">${htmlLinesDiv(c.reply)}${sig}</div>`;
  if (!c.original) return own;
  const attr = escapeHtml(attribution).replace(/&lt;([^&]+@[^&]+)&gt;/, '&lt;<a href="mailto:$1">$1</a>&gt;');
  const quoted = `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">${attr}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${c.original.html ?? htmlBr(c.original.text)}</blockquote></div>`;
  if (c.posting === 'bottom') return `${quoted}<div><br></div>${own}`;
  return `${own}<br>${quoted}`;
}

function gmail(c, variant = 'web') {
  const id = `<CA${c.rand(2).toUpperCase()}+${Buffer.from(c.rand(30), 'hex').toString('base64').replace(/[+/=]/g, 'x')}@mail.gmail.com>`;
  const attribution = c.original ? gmailAttribution(c, variant) : '';
  const text = plainBody(c, { attribution: gmailWrap(attribution), quoted: c.original ? quote(c.original.text) : '' });
  const html = `${gmailHtmlBody(c, attribution)}\n`;
  const boundary = `000000000000${c.rand(12)}`;
  const body = withAttachments(
    c,
    alternative(c, text, html, { boundary, textEncoding: c.textEncoding ?? 'quoted-printable' }),
    `000000000000${c.rand(12)}`,
  );
  return message(baseHeaders(c, { messageId: id }), body);
}

// --- Outlook (Windows desktop, Word HTML) -----------------------------------------------------

function outlookBlock(c, L, { bold = false, separator = null, dateLabel = null, dateValue = null, extra = [] } = {}) {
  const o = c.original;
  const k = L.outlook;
  const colon = k.spaced ? ' :' : ':';
  const fmt = (key, value) => `${bold ? `*${key}${colon}*` : `${key}${colon}`} ${value}`;
  const rows = [
    fmt(k.from, c.outlookFrom ?? `${o.name} <${o.address}>`),
    fmt(dateLabel ?? k.sent, dateValue ?? (L.outlookDate ?? LANGS.en.outlookDate)(o.date)),
    fmt(k.to, c.outlookTo ?? `${c.from.name} <${c.from.address}>`),
    ...(o.cc ? [fmt(k.cc, o.cc)] : []),
    fmt(k.subject, o.subject ?? c.subject.replace(/^(?:re|aw|sv|antw|fw|fwd|tr|rv)\s*:\s*/i, '')),
    ...extra,
  ];
  return [...(separator ? [separator] : []), ...rows].join('\n');
}

const MSO_HEAD =
  '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:"Cambria Math";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Calibri",sans-serif;\n\tmso-ligatures:standardcontextual;\n\tmso-fareast-language:EN-US;}\na:link, span.MsoHyperlink\n\t{mso-style-priority:99;\n\tcolor:#0563C1;\n\ttext-decoration:underline;}\nspan.EmailStyle19\n\t{mso-style-type:personal-reply;\n\tfont-family:"Calibri",sans-serif;\n\tcolor:windowtext;}\n.MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-size:10.0pt;\n\tmso-ligatures:none;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}\ndiv.WordSection1\n\t{page:WordSection1;}\n--></style><!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext="edit" spidmax="1026" />\n</xml><![endif]--><!--[if gte mso 9]><xml>\n<o:shapelayout v:ext="edit">\n<o:idmap v:ext="edit" data="1" />\n</o:shapelayout></xml><![endif]--></head>';

const msoP = (text) =>
  lines(text)
    .map((l) => (l.trim() === '' ? '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>' : `<p class="MsoNormal">${escapeHtml(l)}<o:p></o:p></p>`))
    .join('\n');

function outlookSignatureHtml(sig) {
  if (!sig) return '';
  const rows = lines(sig).map((l, i) => `<p class="MsoNormal">${i === 0 ? `<b>${escapeHtml(l)}</b>` : escapeHtml(l)}<o:p></o:p></p>`);
  return `<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0"><tr><td style="padding:0cm">${rows.join('')}</td></tr></table>\n`;
}

function outlookDesktop(c) {
  const L = LANGS[c.lang ?? 'en'];
  const block = outlookBlock(c, L, { separator: c.outlookSeparator });
  const own = [c.reply, c.signature].filter(Boolean).join('\n\n');
  const text = c.original ? `${own}\n\n${block}\n\n${c.original.text}\n` : `${own}\n`;
  const k = L.outlook;
  const colon = k.spaced ? ' :' : ':';
  const o = c.original;
  const blockHtml = c.original
    ? `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b><span lang="EN-US">${k.from}${colon}</span></b><span lang="EN-US"> ${escapeHtml(c.outlookFrom ?? `${o.name} <${o.address}>`)} <br><b>${k.sent}${colon}</b> ${escapeHtml((L.outlookDate ?? LANGS.en.outlookDate)(o.date))}<br><b>${k.to}${colon}</b> ${escapeHtml(c.outlookTo ?? `${c.from.name} <${c.from.address}>`)}<br><b>${k.subject}${colon}</b> ${escapeHtml(o.subject ?? c.subject.replace(/^(?:re|aw|sv|antw|fw|fwd|tr|rv)\s*:\s*/i, ''))}<o:p></o:p></span></p></div></div>\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n${c.original.html ?? msoP(c.original.text)}`
    : '';
  const html = `${MSO_HEAD}<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">\n${msoP(c.reply)}\n${outlookSignatureHtml(c.signature)}<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n${c.original ? `<div style="border:none;border-left:solid blue 1.5pt;padding:0cm 0cm 0cm 4.0pt"><div>\n${blockHtml}\n</div>` : ''}</div>\n</body>\n</html>\n`;
  const id = `<${c.rand(4).toUpperCase()}PR0${c.rand(1)}MB${c.rand(4).toUpperCase()}${c.rand(32).toUpperCase()}@${c.rand(4).toUpperCase()}PR0${c.rand(1)}MB${c.rand(4).toUpperCase()}.eurprd0${c.rand(1)}.prod.outlook.com>`;
  const boundary = `_000_${id.slice(1, 40)}_`;
  const headers = baseHeaders(c, {
    messageId: id,
    order: 'outlook',
    extra: ['Accept-Language: en-GB, en-US', 'Content-Language: en-GB', 'X-MS-Has-Attach: ', 'X-MS-TNEF-Correlator: ', 'msip_labels: '],
  });
  const body = withAttachments(
    c,
    alternative(c, text, html, { boundary, charset: 'us-ascii' === c.charset ? 'us-ascii' : 'utf-8' }),
    `_004_${id.slice(1, 40)}_`,
  );
  return message(headers, body);
}

// --- Outlook on the web / Outlook.com ----------------------------------------------------------

const OWA_DIV =
  'style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);" class="elementToProof"';

function outlookWeb(c, { mobile = null } = {}) {
  const L = LANGS[c.lang ?? 'en'];
  const o = c.original;
  const k = L.outlook;
  const colon = k.spaced ? ' :' : ':';
  const date = (L.outlookWebDate ?? L.outlookDate ?? LANGS.en.outlookWebDate)(o ? o.date : c.date);
  const block = o ? outlookBlock(c, L, { separator: '________________________________', dateValue: date }) : '';
  const mobileLine = mobile ? `${mobile.text}<${mobile.link}>` : '';
  const own = [c.reply, c.signature, mobileLine].filter(Boolean).join('\n\n');
  const text = o ? `${own}\n${block}\n\n${o.text}\n` : `${own}\n`;
  const ownHtml = `<div ${OWA_DIV}>${lines(c.reply)
    .map((l) => (l.trim() === '' ? '<br>' : escapeHtml(l)))
    .join(`</div>\n<div ${OWA_DIV}>`)}</div>`;
  const sigHtml = c.signature ? `<div id="Signature">${htmlLinesDiv(c.signature)}</div>` : '';
  const mobileHtml = mobile
    ? `<div id="ms-outlook-mobile-signature"><div style="direction: ltr;">${escapeHtml(mobile.text.replace(/ for .*/, ''))} for <a href="${mobile.link}">${escapeHtml(mobile.text.replace(/.* for /, ''))}</a></div></div>`
    : '';
  const quoted = o
    ? `<div id="appendonsend"></div>\n<hr style="display:inline-block;width:98%" tabindex="-1">\n<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>${k.from}${colon}</b> ${escapeHtml(`${o.name} <${o.address}>`)}<br>\n<b>${k.sent}${colon}</b> ${escapeHtml(date)}<br>\n<b>${k.to}${colon}</b> ${escapeHtml(`${c.from.name} <${c.from.address}>`)}<br>\n<b>${k.subject}${colon}</b> ${escapeHtml(o.subject ?? c.subject.replace(/^(?:re|aw|fw)\s*:\s*/i, ''))}</font>\n<div>&nbsp;</div>\n</div>\n<div>${o.html ?? `<div dir="ltr">${htmlLinesDiv(o.text)}</div>`}</div>`
    : '';
  const html = `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n</head>\n<body dir="ltr">\n${ownHtml}\n${sigHtml}${mobileHtml}\n${quoted}\n</body>\n</html>\n`;
  const id = `<${c.rand(4).toUpperCase()}P1${c.rand(2)}MB${c.rand(4).toUpperCase()}${c.rand(28).toUpperCase()}@${c.rand(4).toUpperCase()}P1${c.rand(2)}MB${c.rand(4).toUpperCase()}.EURP1${c.rand(2)}.PROD.OUTLOOK.COM>`;
  const boundary = `_000_${id.slice(1, 36)}_`;
  const headers = baseHeaders(c, {
    messageId: id,
    order: 'outlook',
    extra: ['Accept-Language: en-GB, en-US', 'Content-Language: en-GB', 'X-MS-Has-Attach: ', 'X-MS-TNEF-Correlator: '],
  });
  return message(
    headers,
    withAttachments(
      c,
      alternative(c, text, html, {
        boundary,
        textEncoding: mobile ? 'base64' : 'quoted-printable',
        htmlEncoding: mobile ? 'base64' : 'quoted-printable',
      }),
      `_004_${id.slice(1, 36)}_`,
    ),
  );
}

// --- Outlook for Mac ---------------------------------------------------------------------------

function outlookMac(c) {
  const o = c.original;
  const d = o.date;
  const dateValue = `${EN_DAYS_LONG[d.wd]}, ${d.d} ${EN_MONTHS_LONG[d.m - 1]} ${d.y} at ${pad(d.h)}:${pad(d.min)}`;
  const block = `From: ${o.name} <${o.address}>\nDate: ${dateValue}\nTo: ${c.from.name} <${c.from.address}>\nSubject: ${o.subject ?? c.subject.replace(/^re:\s*/i, '')}`;
  const own = [c.reply, c.signature].filter(Boolean).join('\n\n');
  const text = `${own}\n\n${block}\n\n${o.text}\n`;
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)"></head><body lang=EN-GB link="#0563C1" vlink="#954F72" style='word-wrap:break-word'><div class=WordSection1>\n${msoP(own)}\n<div id="mail-editor-reference-message-container"><div class=MsoNormal align=center style='text-align:center'><hr size=1 width="100%" align=center></div>\n<div style='border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal style='margin-bottom:12.0pt'><b><span style='font-size:12.0pt;color:black'>From: </span></b><span style='font-size:12.0pt;color:black'>${escapeHtml(`${o.name} <${o.address}>`)}<br><b>Date: </b>${escapeHtml(dateValue)}<br><b>To: </b>${escapeHtml(`${c.from.name} <${c.from.address}>`)}<br><b>Subject: </b>${escapeHtml(o.subject ?? c.subject.replace(/^re:\s*/i, ''))}<o:p></o:p></span></p></div>\n${msoP(o.text)}\n</div></div></body></html>\n`;
  const id = `<${c.rand(8).toUpperCase()}-${c.rand(4).toUpperCase()}-${c.rand(4).toUpperCase()}-${c.rand(4).toUpperCase()}-${c.rand(12).toUpperCase()}@nhs.example.net>`;
  const headers = baseHeaders(c, { messageId: id, order: 'outlook', extra: ['User-Agent: Microsoft-MacOutlook/16.82.24021116'] });
  return message(
    headers,
    alternative(c, text, html, { boundary: `B_${c.rand(10).replace(/[a-f]/g, '7')}_${c.rand(9).replace(/[a-f]/g, '3')}` }),
  );
}

// --- Apple Mail (macOS) and iPhone Mail --------------------------------------------------------

function appleAttribution(c) {
  if (c.attribution) return c.attribution;
  return LANGS[c.lang ?? 'en'].apple(c.original.date, who(c.original));
}

function apple(c, { iphone = false } = {}) {
  const o = c.original;
  const mobile = iphone ? (c.mobileSig ?? 'Sent from my iPhone') : null;
  const own = [c.reply, c.signature, mobile].filter(Boolean).join('\n\n');
  let text;
  if (!o) text = `${own}\n`;
  else if (c.posting === 'bottom') text = `${quote(`${appleAttribution(c)}\n\n${o.text}`)}\n\n${own}\n`;
  else if (c.posting === 'inline') text = `${quote(`${appleAttribution(c)}\n`)}\n${inlineParts(c)}\n`;
  else text = `${own}\n\n${quote(`${appleAttribution(c)}\n\n${o.text}`)}\n`;
  const ownHtml = htmlLinesDiv([c.reply, c.signature, mobile].filter(Boolean).join('\n\n'));
  const quotedHtml = o
    ? `<div><br><blockquote type="cite"><div>${escapeHtml(appleAttribution(c))}</div><br class="Apple-interchange-newline"><div><div>${o.html ?? htmlBr(o.text)}</div></div></blockquote></div>`
    : '';
  const html = `<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">${c.posting === 'bottom' ? `${quotedHtml}<div><br></div>${ownHtml}` : `${ownHtml}${quotedHtml}`}</body></html>\n`;
  const uuid = `${c.rand(8)}-${c.rand(4)}-${c.rand(4)}-${c.rand(4)}-${c.rand(12)}`.toUpperCase();
  const id = `<${uuid}@nhs.example.net>`;
  const mailer = iphone ? 'X-Mailer: iPhone Mail (21D61)' : 'X-Mailer: Apple Mail (2.3774.300.61.1.2)';
  const headers = [
    `Return-Path: <${c.from.address}>`,
    `Delivered-To: ${c.to}`,
    ['Content-Type', `multipart/alternative; boundary=Apple-Mail-${uuid.slice(0, 23)}`],
  ];
  void headers;
  const head = baseHeaders(c, { messageId: id, mailer, order: 'date-first' });
  const boundary = `Apple-Mail=_${uuid}`;
  const textPart = leaf({ type: 'text/plain', charset: 'utf-8', encoding: 'quoted-printable', body: text, order: 'cte-first' });
  const htmlPart = leaf({ type: 'text/html', charset: 'utf-8', encoding: 'quoted-printable', body: html, order: 'cte-first' });
  const format = c.format ?? 'alt';
  const body = format === 'text' ? textPart : format === 'html' ? htmlPart : multipart('alternative', boundary, [textPart, htmlPart]);
  return message(head, body, { mimeVersion: `Mime-Version: 1.0 (${iphone ? '1.0' : 'Mac OS X Mail 16.0 \\(3774.300.61.1.2\\)'})` });
}

// --- Thunderbird -------------------------------------------------------------------------------

function thunderbirdAttribution(c) {
  if (c.attribution) return c.attribution;
  const d = c.original.date;
  const lang = c.lang ?? 'en';
  if (lang === 'de') return `Am ${pad(d.d)}.${pad(d.m)}.${String(d.y).slice(2)} um ${pad(d.h)}:${pad(d.min)} schrieb ${c.original.name}:`;
  if (lang === 'fr') return `Le ${pad(d.d)}/${pad(d.m)}/${d.y} à ${pad(d.h)}:${pad(d.min)}, ${c.original.name} a écrit :`;
  if (lang === 'nl') return `Op ${pad(d.d)}-${pad(d.m)}-${d.y} om ${pad(d.h)}:${pad(d.min)} schreef ${c.original.name}:`;
  if (lang === 'pl') return `W dniu ${pad(d.d)}.${pad(d.m)}.${d.y} o ${pad(d.h)}:${pad(d.min)}, ${c.original.name} pisze:`;
  if (lang === 'ru') return `${pad(d.d)}.${pad(d.m)}.${d.y} ${pad(d.h)}:${pad(d.min)}, ${c.original.name} пишет:`;
  if (lang === 'it') return `Il ${pad(d.d)}/${pad(d.m)}/${d.y} ${pad(d.h)}:${pad(d.min)}, ${c.original.name} ha scritto:`;
  if (lang === 'es') return `El ${d.d}/${d.m}/${String(d.y).slice(2)} a las ${d.h}:${pad(d.min)}, ${c.original.name} escribió:`;
  if (lang === 'sv') return `Den ${d.y}-${pad(d.m)}-${pad(d.d)} kl. ${pad(d.h)}:${pad(d.min)}, skrev ${c.original.name}:`;
  if (lang === 'cs') return `Dne ${pad(d.d)}. ${pad(d.m)}. ${d.y} v ${d.h}:${pad(d.min)} ${c.original.name} napsal(a):`;
  if (lang === 'en-US') return `On ${d.m}/${d.d}/${String(d.y).slice(2)} ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)}, ${c.original.name} wrote:`;
  return `On ${pad(d.d)}/${pad(d.m)}/${d.y} ${pad(d.h)}:${pad(d.min)}, ${c.original.name} wrote:`;
}

function thunderbird(c) {
  const o = c.original;
  const attribution = o ? thunderbirdAttribution(c) : '';
  const posting = c.posting ?? 'bottom';
  const sig = c.signature ? `\n-- \n${c.signature}` : '';
  let text;
  if (!o) text = `${c.reply}\n${sig}\n`;
  else if (posting === 'inline') text = `${attribution}\n${inlineParts({ ...c, signature: null })}\n${sig}\n`;
  else if (posting === 'bottom') text = `${attribution}\n${quote(o.text)}\n\n${c.reply}\n${sig}\n`;
  else text = `${c.reply}\n\n${attribution}\n${quote(o.text)}\n${sig}\n`;
  // format=flowed: lines over 72 characters wrap with a trailing space.
  const flowed = text
    .split('\n')
    .flatMap((l) => {
      if (l.length <= 76 || l.startsWith('>')) return [l];
      const out = [];
      let rest = l;
      while (rest.length > 72) {
        const cut = rest.lastIndexOf(' ', 72);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut + 1));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out;
    })
    .join('\n');
  const id = `<${c.rand(8)}-${c.rand(4)}-${c.rand(4)}-${c.rand(4)}-${c.rand(12)}@nhs.example.net>`;
  const head = baseHeaders(c, {
    messageId: id,
    mailer: 'User-Agent: Mozilla Thunderbird',
    extra: ['Content-Language: en-GB'],
    order: 'from-first',
  });
  if ((c.format ?? 'text') === 'text') {
    return message(
      head,
      leaf({ type: 'text/plain', charset: 'UTF-8', encoding: c.textEncoding ?? '8bit', body: flowed, params: '; format=flowed' }),
    );
  }
  const citeHtml = o
    ? `<div class="moz-cite-prefix">${escapeHtml(attribution)}<br>\n</div>\n<blockquote type="cite" cite="mid:${c.inReplyTo?.slice(1, -1) ?? 'x@y'}">${o.html ?? htmlBr(o.text)}</blockquote>`
    : '';
  const sigHtml = c.signature ? `<pre class="moz-signature" cols="72">-- \n${escapeHtml(c.signature)}</pre>` : '';
  const ownHtml = `<p>${htmlBr(c.reply).replace(/<br>\n<br>\n/g, '</p>\n<p>')}</p>`;
  const html = `<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n  </head>\n  <body>\n    ${posting === 'bottom' ? `${citeHtml}\n${ownHtml}` : `${ownHtml}\n${citeHtml}`}\n${sigHtml}\n  </body>\n</html>\n`;
  return message(
    head,
    alternative(c, flowed, html, {
      boundary: `------------${c.rand(24).replace(/[a-f]/g, (x) => x.toUpperCase())}`,
      textEncoding: '8bit',
      htmlEncoding: '8bit',
      textParams: '; format=flowed',
    }),
  );
}

// --- Yahoo -------------------------------------------------------------------------------------

function yahoo(c, { android = false } = {}) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    (android
      ? `On ${EN_DAYS[d.wd]}, ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y} at ${d.h}:${pad(d.min)}, ${o.name}<${o.address}> wrote:`
      : `On ${EN_DAYS_LONG[d.wd]}, ${d.d} ${EN_MONTHS_LONG[d.m - 1]} ${d.y}, ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 0)} GMT, ${o.name} <${o.address}> wrote:`);
  const mobile = android ? 'Sent from Yahoo Mail on Android' : null;
  const own = [c.reply, c.signature, mobile].filter(Boolean).join('\n\n');
  // Yahoo's text part indents the original by one space instead of quoting it.
  const text = ` ${own.replace(/\n/g, '\n ')}\n\n    ${attribution}  \n \n ${o.text.replace(/\n/g, '\n ')}\n`;
  const ownHtml = `<div class="ydp${c.rand(8)}yahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;">${htmlLinesDiv([c.reply, c.signature].filter(Boolean).join('\n\n'), { attrs: ' dir="ltr" data-setdir="false"' })}${mobile ? `<div id="ymail_android_signature"><a id="ymail_android_signature_link" href="https://mail.onelink.me/107872968?pid=nativeplacement&amp;c=Global_Acquisition_YMktg_315_Internal_EmailSignature&amp;af_sub1=Acquisition&amp;af_sub2=Global_YMktg&amp;af_sub3=&amp;af_sub4=100000604&amp;af_sub5=EmailSignature__Static_">Sent from Yahoo Mail on Android</a></div>` : ''}</div>`;
  const quoted = `<div id="yahoo_quoted_${c.rand(10).replace(/[a-f]/g, '4')}" class="yahoo_quoted">\n<div style="font-family:'Helvetica Neue', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;">\n<div>${escapeHtml(attribution)}</div>\n<div><br></div>\n<div><br></div>\n<div><div dir="ltr">${htmlBr(o.text)}</div></div>\n</div>\n</div>`;
  const html = `<html><head></head><body>${ownHtml}<div><br></div>\n${quoted}</body></html>\n`;
  const id = `<${c.rand(7).replace(/[a-f]/g, '1')}.${c.rand(7).replace(/[a-f]/g, '2')}.${Date.UTC(d.y, d.m - 1, d.d)}@mail.yahoo.com>`;
  const head = baseHeaders(c, {
    messageId: id,
    mailer: android ? 'X-Mailer: WebService/1.1.22077 YMailNorrin' : 'X-Mailer: WebService/1.1.22077 YMailNorrin',
    order: 'date-first',
  });
  return message(
    head,
    alternative(c, text, html, {
      boundary: `----=_Part_${c.rand(6).replace(/[a-f]/g, '5')}_${c.rand(9).replace(/[a-f]/g, '8')}.${Date.UTC(d.y, d.m - 1, d.d)}`,
    }),
  );
}

// --- Zoho Mail ---------------------------------------------------------------------------------

function zoho(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `---- On ${EN_DAYS[d.wd]}, ${pad(d.d)} ${EN_MONTHS[d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 0)} +0000 ${o.name} <${o.address}> wrote ---`;
  const sig = c.signature ? `\n\n${c.signature}` : '';
  const text = `${c.reply}${sig}\n\n\n\n\n${attribution}\n\n${o.text}\n`;
  const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><meta content="text/html;charset=UTF-8" http-equiv="Content-Type"></head><body ><div style="font-family: Verdana, Arial, Helvetica, sans-serif; font-size: 10pt;">${htmlLinesDiv(c.reply, { blank: '<br>' })}${c.signature ? `<div id="Zm-_Id_-Sgn" data-zbluepencil-ignore="true" data-sigid="${c.rand(10).replace(/[a-f]/g, '6')}"><div>${htmlBr(c.signature)}</div></div>` : ''}<div class="zmail_extra_hr" style="border-top: 1px solid rgb(204, 204, 204); height: 0px; margin-top: 10px; margin-bottom: 10px; line-height: 0px;"><br></div><div class="zmail_extra" data-zbluepencil-ignore="true"><div><br></div><div id="Zm-_Id_-Sgn1">${escapeHtml(attribution)}<br></div><div><br></div><blockquote style="margin: 0px;"><div>${htmlBr(o.text)}</div></blockquote></div><div><br></div></div><br></body></html>\n`;
  const id = `<${c.rand(12).replace(/[a-f]/g, '9')}.${c.rand(16).replace(/[a-f]/g, '1')}@zohomail.eu>`;
  const head = baseHeaders(c, { messageId: id, mailer: 'User-Agent: Zoho Mail', extra: ['Importance: Medium'], order: 'date-first' });
  return message(
    head,
    alternative(c, text, html, {
      boundary: `----=_Part_${c.rand(6).replace(/[a-f]/g, '2')}_${c.rand(9).replace(/[a-f]/g, '4')}.${c.rand(13).replace(/[a-f]/g, '1')}`,
    }),
  );
}

// --- Proton Mail -------------------------------------------------------------------------------

function proton(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${EN_DAYS_LONG[d.wd]}, ${EN_MONTHS_LONG[d.m - 1]} ${ordinal(d.d)}, ${d.y} at ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)}, ${o.name} <${o.address}> wrote:`;
  const footer = c.mobileSig === undefined ? 'Sent with Proton Mail secure email.' : c.mobileSig;
  const own = [c.reply, c.signature, footer].filter(Boolean).join('\n\n');
  const text = `${own}\n\n------- Original Message -------\n${attribution}\n\n\n${quote(o.text)}\n`;
  const html = `<div style="font-family: Arial, sans-serif; font-size: 14px;">${htmlLinesDiv(c.reply)}</div><div style="font-family: Arial, sans-serif; font-size: 14px;"><br></div>\n<div class="protonmail_signature_block" style="font-family: Arial, sans-serif; font-size: 14px;">\n    ${c.signature ? `<div class="protonmail_signature_block-user">${htmlBr(c.signature)}</div>` : '<div class="protonmail_signature_block-user protonmail_signature_block-empty"></div>'}\n    \n            <div class="protonmail_signature_block-proton">\n        ${footer ? `Sent with <a target="_blank" href="https://proton.me/mail/home">Proton Mail</a> secure email.` : ''}\n    </div>\n</div>\n<div style="font-family: Arial, sans-serif; font-size: 14px;"><br></div><div class="protonmail_quote">\n        ------- Original Message -------<br>\n        ${escapeHtml(attribution)}<br><br>\n        <blockquote class="protonmail_quote" type="cite">\n            ${htmlBr(o.text)}\n        </blockquote><br>\n    </div>\n`;
  const id = `<${Buffer.from(c.rand(40), 'hex').toString('base64').replace(/[+/=]/g, 'A')}=@proton.me>`;
  const head = baseHeaders(c, {
    messageId: id,
    extra: ['Feedback-ID: 12345678:user:proton', 'X-Pm-Message-ID: ' + c.rand(40)],
    order: 'date-first',
  });
  const format = c.format ?? 'alt';
  return message(
    head,
    format === 'html'
      ? leaf({ type: 'text/html', charset: 'utf-8', encoding: 'base64', body: html })
      : multipart('alternative', `b1=_${c.rand(43)}`, [
          leaf({ type: 'text/plain', charset: 'utf-8', encoding: 'quoted-printable', body: text }),
          leaf({ type: 'text/html', charset: 'utf-8', encoding: 'base64', body: html }),
        ]),
  );
}

// --- Polymail ----------------------------------------------------------------------------------

function polymail(c) {
  const o = c.original;
  const d = o.date;
  // Polymail's text part puts the mailto link of the address on its own line.
  const attribution =
    c.attribution ??
    `On ${EN_DAYS[d.wd]}, ${EN_MONTHS[d.m - 1]} ${pad(d.d)}, ${d.y} at ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)} ${o.name} <\nmailto:${o.address}\n> wrote:`;
  const text = `${c.reply}${c.signature ? `\n\n${c.signature}` : ''}\n\n${attribution}\n\n${quote(o.text)}\n`;
  const html = `<html><body><div>${htmlBr(c.reply)}</div><br><div class="polymail-quote"><div>${escapeHtml(attribution.replace(/\n/g, ''))}</div><blockquote class="polymail-quote" style="border-left: 1px solid #ccc; margin: 0; padding-left: 1ex">${htmlBr(o.text)}</blockquote></div></body></html>\n`;
  const id = `<${c.rand(16)}.${c.rand(8)}@polymail.io>`;
  const head = baseHeaders(c, { messageId: id, mailer: 'X-Mailer: Polymail', order: 'from-first' });
  return message(head, alternative(c, text, html, { boundary: `${c.rand(28)}` }));
}

// --- Samsung Email (Android) -------------------------------------------------------------------

function samsung(c) {
  const o = c.original;
  const L = LANGS[c.lang ?? 'en'];
  const d = o.date;
  const k = L.outlook;
  const mobile = c.mobileSig ?? 'Sent from my Galaxy';
  const dateLabel =
    { en: 'Date', 'en-US': 'Date', de: 'Datum', fr: 'Date', es: 'Fecha', nl: 'Datum', it: 'Data', pt: 'Data', pl: 'Data', ru: 'Дата' }[
      c.lang ?? 'en'
    ] ?? 'Date';
  const block = `${L.androidOriginal}\n${k.from}: ${o.name} <${o.address}> \n${dateLabel}: ${pad(d.d)}/${pad(d.m)}/${d.y} ${pad(d.h)}:${pad(d.min)} (GMT+00:00) \n${k.to}: ${c.from.address} \n${k.subject}: ${o.subject ?? c.subject.replace(/^(?:re|aw|antw|sv)\s*:\s*/i, '')} \n`;
  const own = [c.reply, c.signature].filter(Boolean).join('\n\n');
  const text = `${own}\n\n\n\n${mobile}\n\n\n${block}\n${o.text}\n`;
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body><div dir="auto">${htmlLinesDiv(own, { attrs: ' dir="auto"' })}</div><div dir="auto"><br></div><div dir="auto"><br></div><div id="composer_signature" dir="auto"><div style="font-size:12px;color:#575757" dir="auto">${escapeHtml(mobile)}</div></div><div dir="auto"><br></div><div><br></div><div align="left" dir="auto" style="font-size:100%;color:#000000"><div>${escapeHtml(L.androidOriginal)}</div><div>${escapeHtml(k.from)}: ${escapeHtml(`${o.name} <${o.address}>`)} </div><div>${escapeHtml(dateLabel)}: ${pad(d.d)}/${pad(d.m)}/${d.y} ${pad(d.h)}:${pad(d.min)} (GMT+00:00) </div><div>${escapeHtml(k.to)}: ${escapeHtml(c.from.address)} </div><div>${escapeHtml(k.subject)}: ${escapeHtml(o.subject ?? c.subject.replace(/^(?:re|aw|antw|sv)\s*:\s*/i, ''))} </div><div><br></div></div>${htmlLinesDiv(o.text)}</body></html>\n`;
  const id = `<${c.rand(8).replace(/[a-f]/g, '3')}.${c.rand(4)}.${c.rand(8)}@email.android.com>`;
  const head = baseHeaders(c, { messageId: id, order: 'date-first' });
  return message(
    head,
    alternative(c, text, html, {
      boundary: `--_com.samsung.android.email_${c.rand(15).replace(/[a-f]/g, '7')}`,
      textEncoding: 'base64',
      htmlEncoding: 'base64',
    }),
  );
}

// --- Plain-text clients with a quoted original (one renderer, their attribution lines) ----------

function plainClient(
  c,
  {
    attribution,
    messageId,
    mailer,
    mobile = null,
    sigDelimiter = '-- \n',
    quotePrefix = '> ',
    between = '\n\n',
    extra = [],
    charset = 'utf-8',
    encoding = '8bit',
    flowed = false,
  },
) {
  const o = c.original;
  const quotedText = o ? quote(o.text, quotePrefix) : '';
  const body = plainBody(c, { attribution, quoted: quotedText, mobile, sigDelimiter, between });
  const head = baseHeaders(c, { messageId, mailer, extra });
  return message(head, leaf({ type: 'text/plain', charset, encoding, body, params: flowed ? '; format=flowed' : '' }));
}

const msgId = (c, domain) => `<${c.rand(8)}.${c.rand(6)}@${domain}>`;

function fastmail(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ?? `On ${EN_DAYS[d.wd]}, ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y}, at ${pad(d.h)}:${pad(d.min)}, ${o.name} wrote:`;
  const text = plainBody(c, { attribution, quoted: quote(o.text), between: '\n\n' });
  const html = `<!DOCTYPE html><html><head><title></title><style type="text/css">p.MsoNormal,p.MsoNoSpacing{margin:0}</style></head><body>${htmlLinesDiv(c.reply)}${c.signature ? `<div id="sig${c.rand(6).replace(/[a-f]/g, '1')}"><div class="signature">${htmlBr(c.signature)}</div></div>` : ''}<div><br></div><div>${escapeHtml(attribution)}</div><blockquote type="cite" id="qt" style=""><div>${htmlBr(o.text)}</div></blockquote><div><br></div></body></html>\n`;
  const id = `<${c.rand(8)}-${c.rand(4)}-${c.rand(4)}-${c.rand(4)}-${c.rand(12)}@app.fastmail.com>`;
  const head = baseHeaders(c, {
    messageId: id,
    mailer: 'User-Agent: Cyrus-JMAP/3.9.0-alpha0-172-g6c54a4d86-fm-20240212.001-g6c54a4d8',
    extra: ['X-ME-Sender: <xms:' + c.rand(20) + '>'],
  });
  return message(head, alternative(c, text, html, { boundary: `${c.rand(32)}` }));
}

function k9(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    (c.lang === 'de'
      ? `${o.name} <${o.address}> schrieb am ${d.d}. ${['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 3)} MEZ:`
      : `On ${d.d} ${EN_MONTHS_LONG[d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 3)} GMT, ${o.name} <${o.address}> wrote:`);
  const mobile = c.mobileSig ?? 'Sent from my Android device with K-9 Mail. Please excuse my brevity.';
  const sig = [c.signature, mobile].filter(Boolean).join('\n');
  return plainClient(
    { ...c, signature: sig },
    {
      attribution,
      messageId: `<${c.rand(8).toUpperCase()}-${c.rand(4).toUpperCase()}@nhs.example.net>`,
      mailer: 'User-Agent: K-9 Mail for Android',
      quotePrefix: '>',
    },
  );
}

function roundcube(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    (c.lang === 'de'
      ? `Am ${d.y}-${pad(d.m)}-${pad(d.d)} ${pad(d.h)}:${pad(d.min)}, schrieb ${o.name}:`
      : `On ${d.y}-${pad(d.m)}-${pad(d.d)} ${pad(d.h)}:${pad(d.min)}, ${o.name} wrote:`);
  if ((c.format ?? 'text') === 'text')
    return plainClient(c, {
      attribution,
      messageId: `<${c.rand(32)}@webmail.example.ac.uk>`,
      mailer: 'User-Agent: Roundcube Webmail/1.6.6',
      flowed: true,
    });
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head><body style='font-size: 10pt; font-family: Verdana,Geneva,sans-serif'>\n<p>${htmlBr(c.reply)}</p>\n${c.signature ? `<div id="signature">${htmlBr(c.signature)}</div>\n` : ''}<p id="reply-intro">${escapeHtml(attribution)}</p>\n<blockquote type="cite" style="padding: 0 0.4em; border-left: #1010ff 2px solid; margin: 0">\n<div class="pre" style="margin: 0; padding: 0; font-family: monospace">${htmlBr(o.text)}</div>\n</blockquote>\n</body></html>\n`;
  const head = baseHeaders(c, { messageId: `<${c.rand(32)}@webmail.example.ac.uk>`, mailer: 'User-Agent: Roundcube Webmail/1.6.6' });
  return message(head, alternative(c, plainBody(c, { attribution, quoted: quote(o.text) }), html, { boundary: `=_${c.rand(32)}` }));
}

function mutt(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${EN_DAYS[d.wd]}, ${EN_MONTHS[d.m - 1]} ${pad(d.d)}, ${d.y} at ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 12)}${ap(d.h)} +0000, ${o.name} wrote:`;
  return plainClient(c, {
    attribution,
    messageId: `<${d.y}${pad(d.m)}${pad(d.d)}${pad(d.h + 1)}${pad(d.min)}.${c.rand(6)}@example.ac.uk>`,
    mailer: 'User-Agent: Mutt/2.2.12 (2023-09-09)',
    between: '\n',
  });
}

function alpine(c) {
  const o = c.original;
  const d = o.date;
  const attribution = c.attribution ?? `On ${EN_DAYS[d.wd]}, ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y}, ${o.name} wrote:`;
  return plainClient(c, {
    attribution: `${attribution}\n`,
    messageId: `<alpine.DEB.2.21.${c.rand(10)}@example.ac.uk>`,
    mailer: 'User-Agent: Alpine 2.26 (DEB 649 2022-06-02)',
    charset: 'US-ASCII',
    encoding: '7bit',
  });
}

function claws(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${EN_DAYS[d.wd]}, ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 0)} +0000\n${o.name} <${o.address}> wrote:\n`;
  return plainClient(c, {
    attribution,
    messageId: `<${d.y}${pad(d.m)}${pad(d.d)}${c.rand(6)}.${c.rand(8)}@laptop>`,
    mailer: 'X-Mailer: Claws Mail 4.2.0 (GTK 3.24.41; x86_64-pc-linux-gnu)',
  });
}

function evolution(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ?? `On ${EN_DAYS[d.wd]}, ${d.y}-${pad(d.m)}-${pad(d.d)} at ${pad(d.h)}:${pad(d.min)} +0000, ${o.name} wrote:`;
  return plainClient(c, {
    attribution,
    messageId: `<${c.rand(40)}.camel@example.ac.uk>`,
    mailer: 'X-Mailer: Evolution 3.50.4-1',
    between: '\n',
  });
}

function horde(c) {
  const o = c.original;
  const attribution = c.attribution ?? (c.lang === 'de' ? `Zitat von ${o.name} <${o.address}>:` : `Quoting ${o.name} <${o.address}>:`);
  return plainClient(c, {
    attribution: `${attribution}\n`,
    messageId: `<${c.rand(14)}.${c.rand(8)}@webmail.example.ac.uk>`,
    mailer: 'User-Agent: Horde Application Framework 5',
    flowed: true,
  });
}

function squirrel(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${EN_DAYS[d.wd]}, ${EN_MONTHS_LONG[d.m - 1]} ${d.d}, ${d.y} ${ampm(d.h)}:${pad(d.min)} ${ap(d.h).toLowerCase()}, ${o.name} wrote:`;
  return plainClient(c, {
    attribution,
    messageId: `<${c.rand(32)}.squirrel@webmail.example.ac.uk>`,
    mailer: 'User-Agent: SquirrelMail/1.4.23',
    charset: 'iso-8859-1',
    encoding: '8bit',
  });
}

function mailspring(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${EN_MONTHS[d.m - 1]} ${d.d} ${d.y}, at ${ampm(d.h)}:${pad(d.min)} ${ap(d.h).toLowerCase()}, ${o.name} <${o.address}> wrote:`;
  return plainClient(c, {
    attribution,
    messageId: `<${c.rand(8)}-${c.rand(4)}@getmailspring.com>`,
    mailer: 'X-Mailer: Mailspring',
    encoding: 'quoted-printable',
  });
}

function hey(c) {
  const o = c.original;
  const d = o.date;
  const attribution = c.attribution ?? `On ${EN_MONTHS_LONG[d.m - 1]} ${d.d}, ${d.y}, ${o.name} <${o.address}> wrote:`;
  return plainClient(c, { attribution, messageId: `<${c.rand(24)}@hey.com>`, encoding: 'quoted-printable' });
}

function superhuman(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${EN_DAYS[d.wd]}, ${EN_MONTHS[d.m - 1]} ${pad(d.d)}, ${d.y} at ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)}, ${o.name} <${o.address}> wrote:`;
  return plainClient(c, {
    attribution,
    messageId: `<${c.rand(8)}.${c.rand(4)}@we.are.superhuman.com>`,
    mailer: 'X-Mailer: Superhuman Desktop (2024-02-14T18:24:51Z)',
    encoding: 'quoted-printable',
  });
}

function spark(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ?? `On ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y} at ${pad(d.h)}:${pad(d.min)} +0000, ${o.name} <${o.address}>, wrote:`;
  return plainClient(c, {
    attribution,
    messageId: `<${c.rand(8)}-${c.rand(4)}@Spark>`,
    mailer: 'X-Readdle-Message-ID: ' + c.rand(8) + '@Spark',
    encoding: 'quoted-printable',
  });
}

function bluemail(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ?? `On ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y}, at ${pad(d.h)}:${pad(d.min)}, ${o.name} <${o.address}> wrote:`;
  return plainClient(c, {
    attribution,
    messageId: `<${c.rand(8)}-${c.rand(4)}@bluemail.me>`,
    mobile: c.mobileSig ?? 'Sent from BlueMail',
    encoding: 'quoted-printable',
  });
}

function tuta(c) {
  const o = c.original;
  const d = o.date;
  const attribution = c.attribution ?? `${d.d} ${EN_MONTHS[d.m - 1]} ${d.y}, ${pad(d.h)}:${pad(d.min)} by ${o.address}:`;
  return plainClient(c, {
    attribution,
    messageId: `<${c.rand(20)}--${c.rand(4)}@tuta.io>`,
    mobile: c.mobileSig === undefined ? '--\nSecured with Tuta Mail:\nhttps://tuta.com' : c.mobileSig,
    encoding: 'quoted-printable',
  });
}

function airmail(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${d.d} ${EN_MONTHS_LONG[d.m - 1]} ${d.y} at ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 0)}, ${o.name} (${o.address}) wrote:`;
  return plainClient(c, {
    attribution,
    messageId: `<etPan.${c.rand(8)}.${c.rand(8)}.${c.rand(4)}@nhs.example.net>`,
    mailer: 'X-Mailer: Airmail (731)',
  });
}

function operaMail(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${EN_DAYS[d.wd]}, ${pad(d.d)} ${EN_MONTHS[d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 0)} -0000, ${o.name} <${o.address}> wrote:`;
  return plainClient(c, {
    attribution: `${attribution}\n`,
    messageId: `<op.${c.rand(12)}@laptop>`,
    mailer: 'User-Agent: Opera Mail/1.0 (Win32)',
    flowed: true,
  });
}

// --- Clients that put an unquoted header block above the original ------------------------------

function headerBlockClient(c, { block, messageId, mailer, mobile = null, topSep = '\n\n', extra = [], encoding = 'quoted-printable' }) {
  const o = c.original;
  const own = [c.reply, c.signature, mobile].filter(Boolean).join('\n\n');
  const text = `${own}${topSep}${block}\n\n${o.text}\n`;
  const head = baseHeaders(c, { messageId, mailer, extra });
  return message(head, leaf({ type: 'text/plain', charset: 'utf-8', encoding, body: text }));
}

function windowsMail(c) {
  const o = c.original;
  const d = o.date;
  const block = `From: ${o.name}\nSent: ${pad(d.d)} ${EN_MONTHS_LONG[d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}\nTo: ${c.from.name}\nSubject: ${o.subject ?? c.subject.replace(/^re:\s*/i, '')}`;
  return headerBlockClient(c, {
    block,
    messageId: `<${c.rand(8)}.${c.rand(4)}@nhs.example.net>`,
    mobile: c.mobileSig ?? 'Sent from Mail for Windows',
    extra: ['X-Mailer: Microsoft Windows Mail 16.0.14326.21960'],
  });
}

function emClient(c) {
  const o = c.original;
  const d = o.date;
  const block = `------ Original Message ------\nFrom: "${o.name}" <${o.address}>\nTo: "${c.from.name}" <${c.from.address}>\nSent: ${pad(d.d)}/${pad(d.m)}/${d.y} ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 0)}\nSubject: ${o.subject ?? c.subject.replace(/^re:\s*/i, '')}`;
  return headerBlockClient(c, {
    block,
    messageId: `<em${c.rand(8)}-${c.rand(4)}@${c.rand(6)}>`,
    mailer: 'User-Agent: eM_Client/9.2.2157.0',
  });
}

function aol(c) {
  const o = c.original;
  const d = o.date;
  const block = `-----Original Message-----\nFrom: ${o.name} <${o.address}>\nTo: ${c.from.address}\nSent: ${EN_DAYS[d.wd]}, ${EN_MONTHS[d.m - 1]} ${d.d}, ${d.y} ${ampm(d.h)}:${pad(d.min)} ${ap(d.h).toLowerCase()}\nSubject: ${o.subject ?? c.subject.replace(/^re:\s*/i, '')}`;
  return headerBlockClient(c, {
    block,
    messageId: `<${c.rand(8)}-${c.rand(4)}@aol.com>`,
    mailer: 'X-Mailer: WebService/1.1.22077 AolMailNorrin',
    topSep: '\n\n\n',
  });
}

function gmx(c) {
  const o = c.original;
  const d = o.date;
  const de = c.lang === 'de';
  const block = de
    ? `Gesendet: ${['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'][d.wd]}, ${pad(d.d)}. ${['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'][d.m - 1]} ${d.y} um ${pad(d.h)}:${pad(d.min)} Uhr\nVon: "${o.name}" <${o.address}>\nAn: ${c.from.address}\nBetreff: ${o.subject ?? c.subject.replace(/^(?:re|aw):\s*/i, '')}`
    : `Sent: ${EN_DAYS_LONG[d.wd]}, ${EN_MONTHS_LONG[d.m - 1]} ${pad(d.d)}, ${d.y} at ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)}\nFrom: "${o.name}" <${o.address}>\nTo: ${c.from.address}\nSubject: ${o.subject ?? c.subject.replace(/^re:\s*/i, '')}`;
  const own = [c.reply, c.signature].filter(Boolean).join('\n\n');
  const text = `${own}\n\n${block}\n${o.text}\n`;
  const html = `<html><head></head><body><div style="font-family: Verdana;font-size: 12.0px;"><div>${htmlBr(own)}</div>\n\n<div>&nbsp;\n<div>&nbsp;\n<div name="quote" style="margin:10px 5px 5px 10px; padding: 10px 0 10px 10px; border-left:2px solid #C3D9E5; word-wrap: break-word; -webkit-nbsp-mode: space; -webkit-line-break: after-white-space;">\n<div style="margin:0 0 10px 0;">${block
    .split('\n')
    .map((l) => `<b>${escapeHtml(l.slice(0, l.indexOf(':') + 1))}</b>&nbsp;${escapeHtml(l.slice(l.indexOf(':') + 2))}`)
    .join('<br/>\n')}</div>\n\n<div name="quoted-content">${htmlBr(o.text)}</div>\n</div>\n</div>\n</div>\n</div></div></body></html>\n`;
  const head = baseHeaders(c, {
    messageId: `<trinity-${c.rand(8)}-${c.rand(4)}-${c.rand(4)}-${c.rand(4)}-${c.rand(12)}-${c.rand(13)}@3c-app-gmx-bs${c.rand(2)}>`,
    extra: ['Importance: normal', 'Sensitivity: Normal'],
    order: 'from-first',
  });
  return message(head, alternative(c, text, html, { boundary: `=_${c.rand(28)}` }));
}

function mailru(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `${['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'][d.wd]}, ${d.d} ${['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'][d.m - 1]} ${d.y}, ${d.h}:${pad(d.min)} +03:00 от ${o.name} <${o.address}>:`;
  const html = `<HTML><BODY><div>${htmlBr(c.reply)}</div>${c.signature ? `<div data-signature-widget="container"><div data-signature-widget="content"><div>--<br>${htmlBr(c.signature)}</div></div></div>` : ''}<div>&nbsp;</div><blockquote style="border-left:1px solid #0857A6; margin:10px; padding:0 0 0 10px;">${escapeHtml(attribution)}<br>&nbsp;<div id=""><div class="js-helper js-readmsg-msg"><div><div id="style_${c.rand(16).replace(/[a-f]/g, '1')}_BODY">${htmlBr(o.text)}</div></div></div></div></blockquote></BODY></HTML>\n`;
  const text = plainBody(c, { attribution, quoted: quote(o.text), sigDelimiter: '--\n' });
  const head = baseHeaders(c, {
    messageId: `<${c.rand(12).replace(/[a-f]/g, '1')}.${c.rand(8)}@f${c.rand(3).replace(/[a-f]/g, '2')}.i.mail.ru>`,
    mailer: 'X-Mailer: Mail.Ru Mailer 1.0',
    order: 'from-first',
  });
  return message(
    head,
    alternative(c, text, html, {
      boundary: `----ALT--${c.rand(32)}${c.rand(8).replace(/[a-f]/g, '1')}`,
      textEncoding: 'base64',
      htmlEncoding: 'base64',
    }),
  );
}

function yandex(c) {
  const o = c.original;
  const d = o.date;
  const attribution = c.attribution ?? `${pad(d.d)}.${pad(d.m)}.${d.y}, ${pad(d.h)}:${pad(d.min)}, "${o.name}" <${o.address}>:`;
  const html = `<div>${htmlBr(c.reply)}</div><div>&nbsp;</div>${c.signature ? `<div>-- <br />${htmlBr(c.signature)}</div><div>&nbsp;</div>` : ''}<div>&nbsp;</div><div>${escapeHtml(attribution)}</div><blockquote>${htmlBr(o.text)}</blockquote>\n`;
  const head = baseHeaders(c, {
    messageId: `<${c.rand(7).replace(/[a-f]/g, '2')}${d.y}${pad(d.m)}${pad(d.d)}@mail.yandex.ru>`,
    mailer: 'X-Mailer: Yamail [ http://yandex.ru ] 5.0',
    order: 'from-first',
  });
  if ((c.format ?? 'html') === 'html') return message(head, leaf({ type: 'text/html', charset: 'utf-8', encoding: 'base64', body: html }));
  return message(
    head,
    alternative(c, plainBody(c, { attribution, quoted: quote(o.text) }), html, {
      boundary: `----==--bound.${c.rand(6)}.sas${c.rand(1)}-${c.rand(12)}.qloud-c.yandex.net`,
    }),
  );
}

function qqMail(c) {
  const o = c.original;
  const d = o.date;
  const block = `------------------&nbsp;原始邮件&nbsp;------------------`;
  const rows = [
    ['发件人:', `"${o.name}"&lt;${o.address}&gt;;`],
    ['发送时间:', `${d.y}年${d.m}月${d.d}日(星期${['天', '一', '二', '三', '四', '五', '六'][d.wd]}) 上午${d.h}:${pad(d.min)}`],
    ['收件人:', `"${c.from.name}"&lt;${c.from.address}&gt;;`],
    ['主题:', escapeHtml(o.subject ?? c.subject.replace(/^(?:re|回复)\s*[:：]\s*/i, ''))],
  ];
  const html = `<meta http-equiv="Content-Type" content="text/html; charset=GB18030"><div>${htmlBr(c.reply)}</div><div><br></div>${c.signature ? `<div><sign signid="0"><div>${htmlBr(c.signature)}</div></sign></div><div><br></div>` : ''}<div><br></div><div style="font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;">${block}</div><div style="font-size: 12px;background:#efefef;padding:8px;">${rows.map(([k, v]) => `<div><b>${k}</b>&nbsp;${v}</div>`).join('')}</div><div><br></div>${htmlBr(o.text)}\n`;
  const head = baseHeaders(c, {
    messageId: `<tencent_${c.rand(32).toUpperCase()}@qq.com>`,
    mailer: 'X-Mailer: QQMail 2.x',
    order: 'from-first',
  });
  return message(head, leaf({ type: 'text/html', charset: 'utf-8', encoding: 'base64', body: html }));
}

function lotusNotes(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ?? `"${o.name}" <${o.address}> wrote on ${pad(d.d)}/${pad(d.m)}/${d.y} ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 0)}:`;
  const block = `From:\t"${o.name}" <${o.address}>\nTo:\t${c.from.name} <${c.from.address}>\nDate:\t${pad(d.d)}/${pad(d.m)}/${d.y} ${pad(d.h)}:${pad(d.min)}\nSubject:\t${o.subject ?? c.subject.replace(/^re:\s*/i, '')}`;
  const own = [c.reply, c.signature].filter(Boolean).join('\n\n');
  const text = `${own}\n\n\n\n${attribution}\n\n${quote(`${block}\n\n${o.text}`)}\n`;
  const head = baseHeaders(c, {
    messageId: `<OF${c.rand(8).toUpperCase()}.${c.rand(8).toUpperCase()}-ON${c.rand(8).toUpperCase()}.${c.rand(8).toUpperCase()}@notes.example.net>`,
    mailer: 'X-Mailer: HCL Notes Build V1201_11242022 November 24, 2022',
    extra: ['X-MIMETrack: Serialize by Router on NOTES01/EXAMPLE at 02/03/2027 09:20:11'],
  });
  return message(head, leaf({ type: 'text/plain', charset: 'US-ASCII', encoding: '7bit', body: text }));
}

function sogo(c) {
  const o = c.original;
  const d = o.date;
  const attribution =
    c.attribution ??
    `On ${EN_DAYS_LONG[d.wd]}, ${EN_MONTHS_LONG[d.m - 1]} ${pad(d.d)}, ${d.y} ${pad(d.h)}:${pad(d.min)} GMT, "${o.name}" <${o.address}> wrote:`;
  return plainClient(c, {
    attribution: `${attribution}\n`,
    messageId: `<${c.rand(4)}-${c.rand(8)}-${c.rand(1)}-${c.rand(8)}@${c.rand(8)}>`,
    mailer: 'User-Agent: SOGoMail 5.10.0',
    encoding: 'quoted-printable',
  });
}

/** For fully hand-written cases: the raw text given by the case. */
function raw(c) {
  return c.raw;
}

export const CLIENTS = {
  gmail: (c) => gmail(c),
  gmail_android: (c) => gmail(c, 'android'),
  gmail_ios: (c) => gmail(c, 'ios'),
  outlook_desktop: outlookDesktop,
  outlook_web: (c) => outlookWeb(c),
  outlook_ios: (c) => outlookWeb(c, { mobile: { text: c.mobileSig ?? 'Get Outlook for iOS', link: 'https://aka.ms/o0ukef' } }),
  outlook_android: (c) => outlookWeb(c, { mobile: { text: c.mobileSig ?? 'Get Outlook for Android', link: 'https://aka.ms/AAb9ysg' } }),
  outlook_mac: outlookMac,
  apple_mail: (c) => apple(c),
  iphone_mail: (c) => apple(c, { iphone: true }),
  thunderbird,
  yahoo_web: (c) => yahoo(c),
  yahoo_android: (c) => yahoo(c, { android: true }),
  zoho,
  proton,
  polymail,
  samsung,
  fastmail,
  k9,
  roundcube,
  mutt,
  alpine,
  claws,
  evolution,
  horde,
  squirrel,
  mailspring,
  hey,
  superhuman,
  spark,
  bluemail,
  tuta,
  airmail,
  opera_mail: operaMail,
  windows_mail: windowsMail,
  em_client: emClient,
  aol,
  gmx,
  mailru,
  yandex,
  qq_mail: qqMail,
  lotus_notes: lotusNotes,
  sogo,
  raw,
};

export { seeded, quote, lines };
