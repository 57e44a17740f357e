import { isBlank, normaliseWords } from '../text/lines';

/**
 * What people put after their text: "-- " signatures, "Sent from my iPhone", sign-offs
 * ("Best wishes, Priya"), name/title/phone blocks and legal disclaimers; and external-mail
 * banners that servers put before it. Each is recognised line by line, never across the whole text.
 */

const MAX_SIGNATURE_LINE = 90;
const MAX_SIGNOFF_TAIL_LINES = 12;
const MAX_NAME_BLOCK_LINES = 8;

const DELIMITER = /^(?:--|-- |—|__)\s*$/;
const MOBILE =
  /^\s*(?:sent from (?:my|mail for|outlook|yahoo|samsung|gmail|the|nine|aol|proton)\b|sent (?:via|using|with) |get outlook for |envoyé (?:de|depuis) mon |von meinem .{1,30} gesendet|von (?:outlook|mail) für |enviado (?:desde|de) mi |verzonden (?:vanaf|met) mijn |inviato da |skickat från min )/i;
const DISCLAIMER =
  /\b(?:this (?:e-?mail|message|communication|transmission)(?: and any (?:files|attachments?|documents)[^.]{0,40})? (?:is|are|may be|contains?|may contain|and its contents are)[^.]{0,80}\b(?:confidential|privileged)|intended (?:solely |only )?for the (?:use of the )?(?:addressee|named|individual|person|recipient|exclusive)|if you (?:are not|have received this)[^.]{0,80}\b(?:intended recipient|in error)|the information (?:contained )?in this (?:e-?mail|message)|please consider the environment before printing|views (?:or opinions )?expressed in this (?:e-?mail|message)|this e-?mail has been (?:scanned|checked)|e-?mails? (?:sent to or from|to and from)[^.]{0,60}(?:monitored|nhs)|nhsmail is (?:the|a) (?:secure|national))/i;
const DISCLAIMER_HEADING =
  /^\s*\**(?:disclaimer|confidentiality notice|legal notice|important notice)\**\s*:?\s*$|^\s*\**(?:disclaimer|confidentiality notice)\s*:/i;
const EXTERNAL_BANNER =
  /^\s*\**\[?(?:external|caution|warning)\]?\**\s*[:!-]?\s*(?:(?:e-?mail|message)\b|this (?:e-?mail|message) (?:originated|came|was sent)|$)|originated (?:from )?outside (?:of )?(?:the|your|this|our|nhsmail)\b|do not click (?:on )?links or open attachments/i;

const CLOSING =
  /^(?:(?:with )?(?:(?:best|kind|kindest|warm|warmest|many|fond|all the best)\s+)?(?:regards|wishes)|thanks(?: (?:again|so much|very much|a lot|a million))?|thank you(?: (?:again|so much|very much))?|many thanks|with (?:many )?thanks|cheers|best|thx|ta|bw|kr|br|rgds|yours(?: sincerely| faithfully| truly)?|sincerely|all the best|speak soon|take care|love|warmly|mit freundlichen gr(?:ü|ue|u)(?:ß|ss)en|(?:viele|liebe|beste|herzliche) gr(?:ü|ue|u)(?:ß|ss)e|gr(?:ü|ue|u)(?:ß|ss)e|gruß|lg|mfg|cordialement|bien cordialement|bien à vous|amitiés|(?:un )?saludos(?: cordiales)?|atentamente|(?:met )?vriendelijke groet(?:en)?|groet(?:en|jes)|cordiali saluti|(?:distinti )?saluti)(?![\p{L}])/iu;
/** Closings that are also ordinary words, trusted only alone or followed by a name. */
const WEAK_CLOSING = /^(?:best|love|ta|br|kr|lg|take care|warmly)$/i;
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.?|x{1,3}|\p{Extended_Pictographic}+|:\)|:-\))$/u;

const BULLET = /^\s*(?:[-*•·◦▪‣+–—]\s|\d{1,2}[.)]\s|\(?[a-z]\)\s)/i;
const PHONE =
  /\b(?:tel|telephone|phone|mob|mobile|cell|bleep|ext|extension|fax|pager|switchboard|[tmp])\b\.?\s*[:.]?\s*[+(]?\d|\+?\d[\d ()\-.]{8,20}\d/i;
const EMAIL_OR_URL = /[^\s@]+@[^\s@]+\.[a-z]{2,}|\b(?:https?:\/\/|www\.)\S+/i;
const JOB_OR_PLACE =
  /\b(?:ST[1-8]|CT[1-3]|FY[12]|F[12]|SpR|StR|SHO|registrar|consultant|specialty (?:trainee|registrar|doctor)|foundation (?:doctor|year)|core (?:trainee|surgical)|house officer|clinical fellow|trust|hospital|infirmary|deanery|department|dept|university|nhs|medical school|gmc(?: no)?\.?)\b/i;

export function isSignatureDelimiter(line: string): boolean {
  return DELIMITER.test(line);
}

export function isMobileSignature(line: string): boolean {
  return line.length < 120 && MOBILE.test(line);
}

export function isDisclaimer(line: string): boolean {
  return DISCLAIMER_HEADING.test(line.slice(0, 200)) || DISCLAIMER.test(line.slice(0, 600));
}

export function isExternalBanner(line: string): boolean {
  return line.length < 300 && EXTERNAL_BANNER.test(line);
}

export function isGreeting(line: string): boolean {
  const t = line.trim();
  return (
    t.length <= 60 &&
    /^(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|morning|hallo|liebe[rs]?|bonjour|hola|beste|ciao)\b[^.?!]{0,50}[,!:.]?$/i.test(
      t,
    )
  );
}

/** The sender's name as they might sign: full name, first name, initials. */
export function signatureNames(displayName: string | null): Set<string> {
  const names = new Set<string>();
  if (!displayName) return names;
  let name = displayName.replace(/\(.*?\)|\[.*?\]/g, ' ');
  if (/^[^,]+,\s*[^,]+$/.test(name)) name = name.replace(/^([^,]+),\s*(.+)$/, '$2 $1');
  const words = normaliseWords(name)
    .split(' ')
    .filter((w) => w && !['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'professor'].includes(w));
  if (words.length === 0) return names;
  names.add(words.join(' '));
  names.add(words[0]);
  if (words.length > 1) {
    names.add(`${words[0]} ${words[words.length - 1]}`);
    names.add(words.map((w) => w[0]).join(''));
  }
  return names;
}

function isSenderName(line: string, names: Set<string>): boolean {
  const n = normaliseWords(line.replace(/\bx+\s*$/i, ''));
  return n !== '' && (names.has(n) || names.has(n.replace(/^dr /, '')));
}

export function isClosing(line: string, names: Set<string>): boolean {
  const t = line.trim();
  if (t.length > 60) return false;
  const m = CLOSING.exec(t);
  if (!m) return false;
  const tail = t
    .slice(m[0].length)
    .replace(/^[\s,.!:;\-–—]+/, '')
    .replace(/[\s,.!]+$/, '');
  if (tail === '') return !WEAK_CLOSING.test(m[0]) || /^[\p{L} ]+[,.!]?$/u.test(t);
  // "Many thanks in advance," / "Thanks again for everything,": a short closing phrase ending in a comma.
  if (t.length <= 40 && t.endsWith(',') && !WEAK_CLOSING.test(m[0])) return true;
  if (isSenderName(tail, names)) return true;
  const tokens = tail.split(/\s+/);
  return tokens.length <= 3 && tokens.every((tok) => NAME_TOKEN.test(tok));
}

/** A row of stars, dashes or equals signs that sets off a signature or disclaimer. */
function isRule(line: string): boolean {
  return /^\s*([*=_~#-])\1{4,}\s*$/.test(line.slice(0, 400));
}

function signatureLike(line: string): boolean {
  return isBlank(line) || isRule(line) || (line.trim().length <= MAX_SIGNATURE_LINE && !BULLET.test(line));
}

function isContactLine(line: string): boolean {
  const t = line.slice(0, 120);
  return PHONE.test(t) || EMAIL_OR_URL.test(t);
}

/** A line that is only a labelled number, an address or a link ("Mob: 07700 900123"), not a sentence with one in it. */
function isContactOnlyLine(line: string): boolean {
  const t = line.trim().slice(0, 120);
  return (
    /^(?:(?:tel|telephone|phone|mob|mobile|cell|bleep|ext|extension|fax|pager|switchboard|email|e-mail|web|[tmpew])\b\.?\s*[:.]?\s*)?[+(]?\d[\d ()\-./|a-z:]*$/i.test(
      t,
    ) || /^(?:(?:email|e-mail|e|web|w)\s*[:.]?\s*)?(?:[^\s@]+@[^\s@]+\.[a-z]{2,}|(?:https?:\/\/|www\.)\S+)$/i.test(t)
  );
}

function nameLike(line: string): boolean {
  const tokens = line.trim().replace(/[,.]$/, '').split(/\s+/);
  return tokens.length >= 1 && tokens.length <= 5 && tokens.every((tok) => NAME_TOKEN.test(tok) || /^(?:dr|mr|mrs|ms|prof)\.?$/i.test(tok));
}

export interface RunCleanup {
  kept: string[];
  signature: number;
  signoff: number;
  disclaimer: number;
}

function countNonBlank(lines: string[]): number {
  return lines.filter((l) => !isBlank(l)).length;
}

function lastContentIndex(lines: string[], end: number): number {
  let i = end - 1;
  while (i >= 0 && isBlank(lines[i])) i--;
  return i;
}

/** Where a sign-off ("Thanks,", "Best wishes, Priya") starts the tail of the run, or -1. */
function signOffStart(lines: string[], end: number, names: Set<string>): number {
  let found = -1;
  let seen = 0;
  for (let j = end - 1; j >= 0 && seen < MAX_SIGNOFF_TAIL_LINES; j--) {
    if (isBlank(lines[j])) continue;
    seen++;
    if (!signatureLike(lines[j])) break;
    if (isClosing(lines[j], names)) found = j;
  }
  return found;
}

/** A last paragraph that is the sender's name with job title, place, phone or address. */
function nameBlockStart(lines: string[], end: number, names: Set<string>): number {
  const last = lastContentIndex(lines, end);
  if (last < 0) return -1;
  if (isSenderName(lines[last], names) && lines[last].trim().length <= 40) {
    let start = last;
    while (start > 0 && !isBlank(lines[start - 1]) && isSenderName(lines[start - 1], names)) start--;
    return start;
  }
  let start = last;
  while (start > 0 && !isBlank(lines[start - 1])) start--;
  const block = lines.slice(start, last + 1);
  if (block.length > MAX_NAME_BLOCK_LINES || !block.every(signatureLike)) return -1;
  if (isSenderName(block[0], names)) return start;
  if (start === 0) return -1;
  const contact = block.some(isContactLine);
  if (contact && (nameLike(block[0]) || block.every(isContactOnlyLine))) return start;
  const titled = block.slice(1).filter((l) => JOB_OR_PLACE.test(l)).length;
  if (nameLike(block[0]) && !JOB_OR_PLACE.test(block[0]) && block[0].trim().split(/\s+/).length <= 4 && titled >= 2) return start;
  return -1;
}

/**
 * Removes signature material from one run of the sender's own lines. Delimiters, mobile
 * signatures, disclaimers and banners are removed anywhere; sign-offs and name blocks only
 * at the end of the sender's text (`trailing`), where they cannot be part of an answer.
 */
export function cleanRun(lines: string[], options: { senderNames: Set<string>; trailing: boolean }): RunCleanup {
  const result: RunCleanup = { kept: [], signature: 0, signoff: 0, disclaimer: 0 };
  const withoutBanners: string[] = [];
  for (const line of lines) {
    if (isExternalBanner(line)) result.disclaimer++;
    else withoutBanners.push(line);
  }

  let cut = withoutBanners.length;
  for (let i = 0; i < withoutBanners.length; i++) {
    const line = withoutBanners[i];
    if (isSignatureDelimiter(line) || isMobileSignature(line) || isDisclaimer(line)) {
      cut = i;
      break;
    }
  }
  // Lines from a disclaimer on (with any rule drawn above it) count as disclaimer; before it, as signature.
  let disclaimerFrom = withoutBanners.length;
  for (let i = cut; i < withoutBanners.length; i++) {
    if (isDisclaimer(withoutBanners[i])) {
      disclaimerFrom = i;
      break;
    }
  }
  for (
    let i = disclaimerFrom - 1;
    disclaimerFrom < withoutBanners.length && i >= 0 && (isBlank(withoutBanners[i]) || isRule(withoutBanners[i]));
    i--
  ) {
    if (isRule(withoutBanners[i])) disclaimerFrom = i;
  }
  cut = Math.min(cut, disclaimerFrom);
  withoutBanners.forEach((line, i) => {
    if (i < cut || isBlank(line)) return;
    if (i >= disclaimerFrom) result.disclaimer++;
    else result.signature++;
  });

  let end = cut;
  if (options.trailing) {
    for (let pass = 0; pass < 3; pass++) {
      const signOff = signOffStart(withoutBanners, end, options.senderNames);
      if (signOff >= 0) {
        result.signoff += countNonBlank(withoutBanners.slice(signOff, end));
        end = signOff;
        continue;
      }
      const block = nameBlockStart(withoutBanners, end, options.senderNames);
      if (block >= 0) {
        result.signature += countNonBlank(withoutBanners.slice(block, end));
        end = block;
        continue;
      }
      break;
    }
  }
  result.kept = withoutBanners.slice(0, end);
  return result;
}
