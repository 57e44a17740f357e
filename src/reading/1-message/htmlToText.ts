import type { FormatCallback, HtmlToTextOptions } from 'html-to-text';
import { lazy } from '../../lazy';
import type { InboundMail } from './readMessage';

/**
 * Longer HTML is cut (at a tag) before conversion, which costs about 0.3 ms per KB: the new text
 * comes first, and nobody types a questionnaire answer this long. Inline images are dropped
 * before the cut so a pasted picture cannot push the text out.
 */
const MAX_HTML_CHARS = 100_000;
const MAX_RAW_HTML_CHARS = 5_000_000;

/**
 * The line trim.ts reads as "the original message starts here". Outlook marks its reply block
 * only in the HTML structure (divRplyFwdMsg, a top-bordered div), not in any text it shows.
 */
export const ORIGINAL_MESSAGE_MARKER = '-----Original Message-----';

const replyBoundary: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(ORIGINAL_MESSAGE_MARKER);
  builder.closeBlock({ trailingLineBreaks: 1 });
  walk(elem.children, builder);
};

/** The "-- " line trim.ts cuts a signature at: clients mark their signature only in the HTML. */
export const SIGNATURE_MARKER = '-- ';

const signatureBlock: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(SIGNATURE_MARKER);
  builder.closeBlock({ trailingLineBreaks: 1 });
  walk(elem.children, builder);
};

/** Where Gmail, Outlook, Apple Mail, Thunderbird, Zoho, Proton, Samsung, Yahoo and Mail.ru put the signature. */
const SIGNATURE_SELECTORS = [
  'div.gmail_signature',
  'div#Signature',
  'div#AppleMailSignature',
  '.moz-signature',
  'div.protonmail_signature_block',
  'div#ms-outlook-mobile-signature',
  'div#composer_signature',
  'div#ymail_android_signature',
  'div[data-signature-widget="container"]',
  'div[id="Zm-_Id_-Sgn"]',
];

// maxChildNodes: more children than lines the parser reads (MAX_LINES) is only cost.
const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  formatters: { replyBoundary, signatureBlock },
  limits: { maxInputLength: MAX_HTML_CHARS + 1, maxDepth: 60, maxChildNodes: 2000, ellipsis: '' },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'hr', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'title', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
    { selector: 'th', format: 'block' },
    // Layout tables (signatures, Outlook templates): one cell per line, never glued together.
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'block' },
    // Word HTML makes every line a <p>; keep its lines as lines, not paragraphs.
    { selector: 'p.MsoNormal', format: 'paragraph', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'p.MsoListParagraph', format: 'paragraph', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'blockquote', format: 'blockquote', options: { trimEmptyLines: true } },
    { selector: 'div.yahoo_quoted', format: 'blockquote', options: { trimEmptyLines: true } },
    { selector: 'div#divRplyFwdMsg', format: 'replyBoundary' },
    ...SIGNATURE_SELECTORS.map((selector) => ({ selector, format: 'signatureBlock' })),
    { selector: 'div[style*="border-top:solid #E1E1E1"]', format: 'replyBoundary' },
    { selector: 'div[style*="border-top:solid #B5C4DF"]', format: 'replyBoundary' },
    { selector: 'div[style*="border-top: solid #E1E1E1"]', format: 'replyBoundary' },
  ],
};

/** Removes every <tag …>…</tag> element by index scans (a lazy regex would rescan on unclosed tags). */
function dropElements(html: string, tag: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = lower.indexOf(`<${tag}`, from);
    if (open < 0) break;
    const close = lower.indexOf(`</${tag}>`, open);
    if (close < 0) break;
    parts.push(html.slice(from, open));
    from = close + tag.length + 3;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

function capHtml(raw: string): string {
  let html = raw.slice(0, MAX_RAW_HTML_CHARS).replace(/\b(src|href|background)\s*=\s*(["'])data:[^"']*\2/gi, '$1=""');
  html = dropElements(dropElements(html, 'style'), 'script');
  if (html.length <= MAX_HTML_CHARS) return html;
  const tagStart = html.lastIndexOf('<', MAX_HTML_CHARS);
  return html.slice(0, tagStart > MAX_HTML_CHARS / 2 ? tagStart : MAX_HTML_CHARS);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for the first HTML-only mail (see lazy.ts)
const converter = lazy(() => (require('html-to-text') as typeof import('html-to-text')).convert);

/** HTML mail → plain text with blockquotes as "> " lines and Outlook's reply block marked. */
export function htmlToText(html: string): string {
  try {
    return converter()(capHtml(html), OPTIONS);
  } catch {
    // A converter failure must not lose the message: fall back to tags stripped.
    return capHtml(html)
      .replace(/<br\s*\/?>|<\/(?:p|div|li|tr)>/gi, '\n')
      .replace(/<[^>]{0,2000}>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
}

/** The body as text: the text/plain part when there is one with content, else the HTML converted. */
export function bodyText(mail: InboundMail): string {
  if (mail.text.trim() !== '') return mail.text;
  if (mail.html.trim() !== '') return htmlToText(mail.html);
  return '';
}
