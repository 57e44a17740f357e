/**
 * A short answer to "Did you mean to stop?": yes, no, or neither. Pure and table-driven, like
 * the commands; only the first line that says something counts, and only when it is short.
 */
const YES =
  /^(?:yes|yes\s+please|yes,?\s+(?:i\s+do|that's\s+right|thanks?|thank\s+you|correct|please\s+do)|yep|yeah|yup|correct|confirm(?:ed)?|i\s+confirm|that's\s+(?:right|correct)|that\s+is\s+(?:right|correct)|please\s+do|go\s+ahead|ok(?:ay)?|sure|indeed|absolutely|definitely|ja|ja\s+bitte|oui|s[ií]|s[ií]\s+por\s+favor|graag|ja\s+graag)$/;
const NO =
  /^(?:no|nope|nah|no\s+thanks?|no,?\s+thank\s+you|no,?\s+(?:i\s+don't|i\s+do\s+not|not\s+at\s+all|i'm\s+fine|i\s+am\s+fine|carry\s+on|please\s+carry\s+on|keep\s+going)|not\s+at\s+all|don't|do\s+not|cancel|ignore(?:\s+(?:it|that|my\s+last\s+(?:message|email)))?|nein|non|nee)$/;

export type Confirmation = 'yes' | 'no' | null;

export function readConfirmation(newText: string): Confirmation {
  const first = newText
    .slice(0, 2000)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !/^(?:hi|hello|dear)\b[^.!?]{0,40}[,!]?$/i.test(l));
  if (first === undefined || first.length > 60) return null;
  const words = first
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[*_]/g, '')
    .replace(/[\s.!?,;:)-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (YES.test(words)) return 'yes';
  if (NO.test(words)) return 'no';
  return null;
}
