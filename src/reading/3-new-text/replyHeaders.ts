import { ORIGINAL_MESSAGE_MARKER } from '../1-message/htmlToText';
import { isBlank, splitQuote } from '../text/lines';

/**
 * Lines that introduce quoted history: "On … wrote:" in several languages (also wrapped over
 * two or three lines), Outlook's "-----Original Message-----" and its From/Sent/To/Subject block.
 */

const MAX_ATTRIBUTION_CHARS = 400;
const ATTRIBUTION_START = /^(?:on|le|am|el|op|il|em|den|dne|w dniu|på)\s/i;
const ATTRIBUTION_END =
  /(?:\bwrote|a écrit|a ecrit|escribió|escribio|ha scritto|escreveu|kirjoitti|napisał|napsal|írta)\s*:\s*$|(?:\bschrieb|\bschreef|\bskrev|\bschreef)\b[^:]{0,200}:\s*$/i;
const BARE_WROTE = /(?:\bwrote|a écrit|schrieb|escribió|schreef|ha scritto|escreveu|skrev)\b[^:]{0,200}:\s*$/i;

const SEPARATOR =
  /^\s*-{2,}\s*(?:original message|ursprüngliche nachricht|urspr(?:ü|ue)ngliche nachricht|message d'origine|mensaje original|oorspronkelijk bericht|messaggio originale|mensagem original|originalmeddelande|opprinnelig melding|alkuperäinen viesti|wiadomość oryginalna|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|doorgestuurd bericht)\s*-{2,}\s*$/i;
const FORWARDED = /^\s*(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié)\s*:\s*$/i;
const UNDERSCORES = /^\s*_{10,}\s*$/;

const FROM_KEY = /^\s*\**\s*(?:from|von|de|van|da|från|fra|od|lähettäjä|feladó)\s*\**\s*:\s*\**\s*\S/i;
const SENT_KEY =
  /^\s*\**\s*(?:sent|date|gesendet|datum|envoyé|enviado|fecha|verzonden|inviato|data|skickat|sendt|lähetetty|wysłano|wysłane|odesláno|elküldve|sent at)\s*\**\s*:/i;
const TO_OR_SUBJECT_KEY =
  /^\s*\**\s*(?:to|an|à|a|para|aan|subject|betreff|objet|asunto|onderwerp|oggetto|assunto|ämne|emne|aihe|temat|předmět|tárgy|cc|kopie|copie)\s*\**\s*:/i;
const ANY_HEADER_KEY = /^\s*\**\s*[\p{L} -]{1,24}\s*\**\s*:/u;

function contentOf(line: string): string {
  return splitQuote(line).content;
}

/** "On Tue, 3 Mar 2027 at 09:14, Mentoring <" + "m@example.org> wrote:" and the like. */
function attributionSpan(lines: string[], i: number): number {
  let joined = '';
  for (let k = 0; k < 3 && i + k < lines.length; k++) {
    const part = contentOf(lines[i + k]).trim();
    if (part === '' || part.length > MAX_ATTRIBUTION_CHARS) return 0;
    joined = k === 0 ? part : `${joined} ${part}`;
    if (joined.length > MAX_ATTRIBUTION_CHARS) return 0;
    if (!ATTRIBUTION_START.test(joined)) return 0;
    if (ATTRIBUTION_END.test(joined)) return k + 1;
  }
  return 0;
}

/** "Jane Smith wrote:" alone, trusted only when quoted lines follow. */
function bareAttributionSpan(lines: string[], i: number): number {
  const line = contentOf(lines[i]).trim();
  if (line.length > 250 || !BARE_WROTE.test(line)) return 0;
  for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
    if (isBlank(lines[k])) continue;
    return splitQuote(lines[k]).depth > splitQuote(lines[i]).depth ? 1 : 0;
  }
  return 0;
}

/** Outlook's From/Sent/To/Subject block; returns how many lines it takes. */
function outlookBlockSpan(lines: string[], i: number): number {
  if (!FROM_KEY.test(contentOf(lines[i]).slice(0, 300))) return 0;
  let sawSent = false;
  let sawToOrSubject = false;
  let end = i + 1;
  for (let k = i + 1; k < Math.min(lines.length, i + 10); k++) {
    const line = contentOf(lines[k]).slice(0, 300);
    if (isBlank(line)) {
      if (sawSent && sawToOrSubject) break;
      continue;
    }
    if (SENT_KEY.test(line)) sawSent = true;
    else if (TO_OR_SUBJECT_KEY.test(line)) sawToOrSubject = true;
    else if (!ANY_HEADER_KEY.test(line)) break;
    end = k + 1;
  }
  return sawSent && sawToOrSubject ? end - i : 0;
}

/**
 * If a reply header starts at line i, the number of lines it takes (a separator or marker and
 * the From block after it count as one header); otherwise 0.
 */
export function replyHeaderSpan(lines: string[], i: number): number {
  const line = contentOf(lines[i]);
  if (line.length > MAX_ATTRIBUTION_CHARS * 2) return 0;
  if (SEPARATOR.test(line) || FORWARDED.test(line) || UNDERSCORES.test(line) || line.trim() === ORIGINAL_MESSAGE_MARKER) {
    let next = i + 1;
    while (next < lines.length && next < i + 4 && isBlank(lines[next])) next++;
    const block = next < lines.length ? outlookBlockSpan(lines, next) : 0;
    if (block > 0) return next + block - i;
    // A lone row of underscores is only a header when a From block follows it.
    return UNDERSCORES.test(line) ? 0 : 1;
  }
  return attributionSpan(lines, i) || outlookBlockSpan(lines, i) || bareAttributionSpan(lines, i);
}
