/**
 * The words people use to stop, pause or resume taking part, as tables. English first, then
 * German, French, Spanish, Dutch and Italian for the common requests. All patterns run on a
 * sentence already lower-cased, with curly quotes made straight and runs of spaces made one.
 *
 * Adding a phrasing: put it in ORDERS when it is a request on its own ("unsubscribe me"), in
 * MENTIONS when it only talks about the subject ("I might need a break from the scheme"), and
 * add a case to test/fixtures/commands/phrasings.json.
 */
export type Command = 'STOP' | 'PAUSE' | 'RESUME';

/** A request that is the command when the sentence says nothing else (politeness aside). */
export interface Order {
  command: Command;
  /** The whole sentence, without `^` and `$` (added when compiled). */
  pattern: string;
  /**
   * PAUSE requests may go on with when the pause ends ("pause until March") or why ("pause,
   * exams"); `needsEnd` marks requests that are only a pause when an end is named ("no emails
   * until March").
   */
  needsEnd?: boolean;
}

/** Words that talk about the command in passing: never acted on, only asked about once. */
export interface Mention {
  command: Command;
  pattern: RegExp;
  /** Someone advising someone else ("you could step back from the rota") is not asking: with "you" in it, need "I", "me", "my" or "we" too. */
  firstPerson?: boolean;
}

// Objects: what one stops or pauses.
const SCHEME = String.raw`(?:(?:the|this|my|your|our|e-?mentoring|mentoring)\s+)*(?:e-?mentoring|mentoring|scheme|programme|program|pilot)`;
const MAIL = String.raw`(?:(?:all|any|the|these|those|this|your|further|more|any\s?more|other)\s+)*(?:e-?mails?|mails?|messages?|questionnaires?|reminders?|emailing|communications?|notifications?)`;
const LIST = String.raw`(?:(?:the|this|your|my|mailing|distribution|e-?mail)\s+)*list`;
const ANY = `(?:${SCHEME}|${MAIL}|${LIST})`;
const OF_ANY = String.raw`(?:\s+(?:from|off|of|out\s+of|with)\s+${ANY})?`;
/** "i'd", "i would", "we'd". */
const I_WOULD = String.raw`(?:i|we)(?:'d|\s+would|\s+d)`;
const WANT = String.raw`(?:${I_WOULD}\s+(?:like|prefer)|(?:i|we)(?:'ve|\s+have)\s+(?:decided|chosen)|(?:i|we)\s+(?:want|wish|need|decided|choose|intend|plan)|i(?:'m|\s+am)\s+going)`;
const BREAK = String.raw`(?:take|have)\s+a\s+(?:short\s+|little\s+|brief\s+|small\s+)?break`;

export const ORDERS: Order[] = [
  // STOP
  { command: 'STOP', pattern: String.raw`stopp?(?:\s+(?:it|everything))?` },
  {
    command: 'STOP',
    pattern: String.raw`stop(?:\s+(?:sending|e-?mailing|contacting|messaging|writing\s+to)(?:\s+me)?)?(?:\s+${ANY})(?:\s+to\s+me)?`,
  },
  { command: 'STOP', pattern: String.raw`stop\s+(?:sending|e-?mailing|contacting|messaging|writing\s+to)(?:\s+me)?` },
  { command: 'STOP', pattern: String.raw`unsubscribe(?:\s+me)?${OF_ANY}` },
  { command: 'STOP', pattern: String.raw`(?:remove|delete|drop)\s+(?:me|my\s+(?:name|e-?mail|address|details))${OF_ANY}` },
  { command: 'STOP', pattern: String.raw`take\s+me\s+(?:off|out\s+of)(?:\s+${ANY})?` },
  { command: 'STOP', pattern: String.raw`(?:i\s+)?opt(?:\s+me)?[\s-]?out${OF_ANY}` },
  { command: 'STOP', pattern: String.raw`count\s+me\s+out` },
  { command: 'STOP', pattern: String.raw`no\s+(?:more|further)\s+${MAIL}` },
  {
    command: 'STOP',
    pattern: String.raw`(?:do\s+not|don't|dont)\s+(?:send|e-?mail|contact|write\s+to)(?:\s+me)?(?:\s+(?:any|anything|more|further|again|ever|these|this|the|e-?mails?|messages?|questionnaires?|reminders?))+`,
  },
  {
    command: 'STOP',
    pattern: String.raw`${WANT}\s+to\s+(?:withdraw|unsubscribe|opt\s+out|step\s+(?:back|down)|be\s+(?:removed|taken\s+off|unsubscribed)|(?:stop|quit|leave|end|withdraw\s+from|step\s+(?:back|down)\s+from|drop\s+out\s+of|come\s+off|stop\s+receiving|stop\s+getting)\s+${ANY})${OF_ANY}`,
  },
  {
    command: 'STOP',
    pattern: String.raw`i(?:'m|\s+am)\s+(?:withdrawing|unsubscribing|opting\s+out|stepping\s+(?:back|down)|(?:leaving|quitting)\s+${SCHEME})${OF_ANY}`,
  },
  { command: 'STOP', pattern: String.raw`i\s+(?:withdraw|resign)${OF_ANY}` },
  {
    command: 'STOP',
    pattern: String.raw`(?:i\s+)?(?:no\s+longer|do\s+not|don't)\s+(?:want|wish)\s+to\s+(?:take\s+part|participate|be\s+(?:part\s+of|in|involved\s+in|on)\s+${ANY}|receive\s+${MAIL}|be\s+an?\s+(?:e-?)?(?:mentor|mentee))(?:\s+in\s+${SCHEME})?(?:\s+any\s?more)?`,
  },
  { command: 'STOP', pattern: String.raw`(?:bitte\s+)?(?:abmelden|abbestellen|austragen|stopp)` },
  { command: 'STOP', pattern: String.raw`(?:ich\s+)?(?:möchte|moechte|will)\s+(?:mich\s+)?(?:abmelden|austragen)` },
  {
    command: 'STOP',
    pattern: String.raw`(?:je\s+(?:veux|voudrais|souhaite)\s+)?(?:me\s+)?(?:désinscrire|desinscrire|désabonner|desabonner)`,
  },
  { command: 'STOP', pattern: String.raw`(?:désinscription|desinscription|désabonnement|desabonnement|arrêt|arret|arrêter|arreter)` },
  { command: 'STOP', pattern: String.raw`(?:quiero\s+)?(?:darme\s+de\s+baja|dar\s+de\s+baja|baja|cancelar\s+(?:la|mi)\s+suscripci[oó]n)` },
  { command: 'STOP', pattern: String.raw`(?:ik\s+wil\s+(?:me\s+)?)?(?:afmelden|uitschrijven)|meld\s+me\s+af|schrijf\s+me\s+uit` },
  { command: 'STOP', pattern: String.raw`(?:voglio\s+)?(?:cancellarmi|disiscrivermi)|cancellami|disiscrivimi` },

  // PAUSE
  {
    command: 'PAUSE',
    pattern: String.raw`pause(?:\s+(?:it|me|everything|things|(?:my|the|all|these|your)\s+(?:e-?mails?|questionnaires?|reminders?|mentoring|e-?mentoring|participation|membership|subscription)|${SCHEME}))?`,
  },
  {
    command: 'PAUSE',
    pattern: String.raw`(?:put|place)\s+(?:me|it|things|everything|my\s+(?:mentoring|e-?mentoring|participation)|${MAIL}|${SCHEME})\s+on\s+hold`,
  },
  { command: 'PAUSE', pattern: String.raw`on\s+hold` },
  { command: 'PAUSE', pattern: String.raw`hold(?:\s+off)?(?:\s+on)?\s+${MAIL}` },
  { command: 'PAUSE', pattern: String.raw`snooze(?:\s+${MAIL})?` },
  { command: 'PAUSE', pattern: String.raw`${BREAK}${OF_ANY}` },
  {
    command: 'PAUSE',
    pattern: String.raw`(?:${I_WOULD}\s+like|(?:i|we)\s+(?:want|wish|need|have|have\s+got)|(?:i|we)'ve\s+got)\s+to\s+(?:pause|${BREAK}|put\s+(?:it|things|everything|my\s+mentoring|me|myself)\s+on\s+hold|be\s+paused)(?:\s+${ANY})?${OF_ANY}`,
  },
  { command: 'PAUSE', pattern: String.raw`i(?:'m|\s+am)\s+(?:pausing|taking\s+a\s+(?:short\s+|little\s+|brief\s+)?break)${OF_ANY}` },
  { command: 'PAUSE', pattern: String.raw`no\s+${MAIL}`, needsEnd: true },
  {
    command: 'PAUSE',
    pattern: String.raw`(?:do\s+not|don't|dont)\s+(?:send|e-?mail|contact|write\s+to)(?:\s+me)?(?:\s+(?:any|anything|more|further|the|e-?mails?|messages?|questionnaires?|reminders?))*`,
    needsEnd: true,
  },
  { command: 'PAUSE', pattern: String.raw`(?:bitte\s+)?(?:pausieren|pause)` },
  { command: 'PAUSE', pattern: String.raw`(?:mettre\s+)?en\s+pause` },
  { command: 'PAUSE', pattern: String.raw`pausa(?:r)?` },
  { command: 'PAUSE', pattern: String.raw`pauze(?:ren)?` },

  // RESUME
  {
    command: 'RESUME',
    pattern: String.raw`(?:resume|restart|re-start|start\s+again|un-?pause|unpause|re-?subscribe)(?:\s+(?:it|me|things|(?:my|the)\s+(?:e-?mails?|questionnaires?|mentoring|e-?mentoring|participation)|${SCHEME}))?`,
  },
  { command: 'RESUME', pattern: String.raw`i(?:'m|\s+am)\s+back(?:\s+(?:now|again))?` },
  { command: 'RESUME', pattern: String.raw`count\s+me\s+(?:back\s+)?in(?:\s+again)?` },
  {
    command: 'RESUME',
    pattern: String.raw`(?:${I_WOULD}\s+like|(?:i|we)\s+(?:want|wish)|i(?:'m|\s+am)\s+ready|we(?:'re|\s+are)\s+ready)\s+to\s+(?:resume|restart|start\s+again|come\s+back|re-?join|be\s+back)(?:\s+${ANY})?`,
  },
  { command: 'RESUME', pattern: String.raw`send\s+(?:me\s+)?(?:the\s+)?questionnaires?\s+again` },
  { command: 'RESUME', pattern: String.raw`(?:fortsetzen|wieder\s+aufnehmen|reprendre|reanudar|hervatten|riprendere)` },
];

export const MENTIONS: Mention[] = [
  { command: 'STOP', pattern: /\b(?:unsubscrib(?:e|ing)\b|opt(?:ing)?[\s-]?out\b|remove\s+me\b|take\s+me\s+off\b|count\s+me\s+out\b)/ },
  // Wondering aloud: "Should I stop?", "Is it possible to pause until March?", "not sure whether to stop".
  {
    command: 'STOP',
    pattern:
      /\b(?:should\s+i|shall\s+i|can\s+i|could\s+i|may\s+i|whether\s+(?:i\s+should|to)|if\s+i\s+should|possible\s+to|able\s+to|ok(?:ay)?\s+(?:if\s+i|to))\s+(?:stop|withdraw|leave|quit|opt\s+out|unsubscribe|step\s+(?:back|down))\b/,
  },
  {
    command: 'PAUSE',
    pattern:
      /\b(?:should\s+i|shall\s+i|can\s+i|could\s+i|may\s+i|whether\s+(?:i\s+should|to)|if\s+i\s+should|possible\s+to|able\s+to|ok(?:ay)?\s+(?:if\s+i|to))\s+(?:pause|take\s+a\s+(?:\w+\s+)?break|put\s+\S+\s+on\s+hold)\b/,
  },
  {
    command: 'STOP',
    pattern: new RegExp(
      String.raw`\b(?:withdraw(?:ing|n)?|step(?:ping)?\s+(?:back|down)|leav(?:e|ing)|quit(?:ting)?|drop(?:ping)?\s+out|stop(?:ping)?|giv(?:e|ing)\s+up|end(?:ing)?|cancel(?:l?ing)?)(?:\s+(?:from|of|with|out\s+of|doing|being\s+part\s+of|being\s+in|taking\s+part\s+in|participating\s+in|receiving|getting|sending(?:\s+me)?|the|this|my|our|these|those|all|any|your))*\s+(?:e-?mentoring|mentoring|scheme|programme|program|e-?mails?|questionnaires?)\b`,
    ),
    firstPerson: true,
  },
  {
    command: 'STOP',
    pattern:
      /\b(?:(?:i|we)(?:'d|\s+would)\s+like|(?:i|we)(?:'ve|\s+have)\s+decided|(?:i|we)\s+(?:want|wish|need|have|decided|plan|intend)|i(?:'m|\s+am)\s+going)\s+to\s+(?:stop|leave|quit|withdraw|step\s+(?:back|down)|give\s+up|drop\s+out)(?=\s*(?:$|[.,;:!?]|\s(?:now|please|altogether|completely|for\s+good|it\s+all|everything|here)\b))/,
  },
  {
    // E-mentors say it this way.
    command: 'STOP',
    pattern:
      /\b(?:can(?:'t|not)|can\s+no\s+longer|(?:am|'m)\s+(?:not|no\s+longer)\s+able\s+to|(?:don't|do\s+not)\s+have\s+(?:the\s+)?time\s+to|(?:not\s+sure|doubt)\s+(?:if\s+|whether\s+|that\s+)?i\s+(?:can|could|will\s+be\s+able\s+to))\s+(?:continue|carry\s+on|be\s+an?\s+(?:e-?)?mentor|mentor)\b/,
  },
  {
    command: 'PAUSE',
    pattern:
      /\bstop\w*\b.*\b(?:for\s+(?:now|a\s+while|the\s+moment|the\s+time\s+being|a\s+bit|a\s+few\s+(?:weeks|months)|(?:a|one|two|three|four|\d+)\s+(?:weeks?|months?))|until|till)\b/,
  },
  {
    command: 'PAUSE',
    pattern:
      /\b(?:to|i|we|'ll|will|might|may|could|should|must|can|please)\s+(?:\w+\s+){0,2}?(?:pause(?!\s+(?:here|there|for\s+(?:thought|a\s+moment|a\s+second)))|take\s+a\s+(?:\w+\s+)?break|put\s+\S+\s+on\s+hold|snooze)\b/,
    firstPerson: true,
  },
  {
    command: 'PAUSE',
    pattern:
      /\b(?:paus(?:e|ing)|break\s+from|on\s+hold|hold\s+off(?:\s+on)?|snooz\w*)(?:\s+(?:the|this|my|our|all|these|your|e-?mentoring))*\s+(?:e-?mentoring|mentoring|scheme|e-?mails?|questionnaires?|reminders?|participation)\b/,
    firstPerson: true,
  },
  {
    command: 'RESUME',
    pattern:
      /\b(?:resum(?:e|ing)|restart(?:ing)?|start(?:ing)?\s+again|re-?join(?:ing)?|come\s+back\s+to|continu(?:e|ing)\s+with|carry(?:ing)?\s+on\s+with)(?:\s+(?:the|my|with|this))*\s+(?:e-?mentoring|mentoring|scheme|e-?mails?|questionnaires?)\b/,
    firstPerson: true,
  },
  { command: 'RESUME', pattern: /\b(?:(?:i|we)(?:'d|\s+would)\s+like|(?:i|we)\s+(?:want|wish))\s+to\s+(?:continue|carry\s+on)\b/ },
];

/**
 * Every phrasing above contains one of these stems; a sentence without any is read no further.
 * This keeps long messages cheap: most sentences of an answer never reach the tables.
 */
export const TRIGGER =
  /stop|paus|resum|unsub|remov|opt|withdraw|leav|quit|break|hold|snooz|start|back|continu|carry|mentor|count\s+me|take\s+me|delete|drop|no\s+(?:more|further|longer|e-?mails?|mails?|messages?|questionnaires?|reminders?)|don't|dont|do\s+not|step|end|cancel|give\s+up|ready|send|subscri|abmeld|abbestell|austrag|d[ée]sinscri|d[ée]sabonn|arr[eê]t|baja|afmeld|uitschrijv|meld\s+me|schrijf\s+me|cancell|disiscri|pausier|pauze|pausa|fortsetz|wieder|reprend|reanud|hervat|riprend/;

/** The command word alone on a line: "STOP", "**Pause**", "Resume." */
export const BARE_WORD = /^[*_\s]*(stop|pause|resume)[*_\s]*[.!]*[*_\s]*$/i;

/** "PAUSE until <anything>" on a line of its own, the documented form. */
export const PAUSE_UNTIL_LINE = /^[*_\s]*pause\s+(?:until|till|til|to|up\s+to)\s+(.{1,80})$/i;

/** Words about what the reader might do ("if you want to leave the programme"): advice, not a request. */
export const ADDRESSED = /\b(?:if\s+you|you\s+(?:want|wish|would|'d|need|could|should|might|may|can|decide|feel|choose|are\s+thinking))\b/;

/** Makes a request a possibility: the sender is wondering, not asking. */
export const HEDGE =
  /\b(?:might|maybe|perhaps|possibly|probably|wonder(?:ing)?|thinking\s+(?:of|about)|consider(?:ing)?|not\s+sure|unsure|undecided|whether|if|in\s+case|should\s+i|shall\s+i|could\s+i|can\s+i|may\s+i|do\s+i\s+(?:need|have)\s+to|how\s+(?:do|can|would|should)\s+i|is\s+it\s+possible|would\s+it\s+be\s+possible|at\s+some\s+point|eventually|sometime|one\s+day|i\s+think|i\s+guess|i\s+suppose|tempted|vielleicht|peut-être|peut-etre|quizás|quizas|misschien|forse)\b|\bmay\s+(?:need|have|want|be|wish|decide|pause|stop|take|withdraw|leave|step)\b/;

/** "I don't want to stop", "never pause": the sentence is about not doing it. */
export const NEGATION =
  /\b(?:don't|dont|do\s+not|does\s+not|doesn't|didn't|did\s+not|never|not(?!\s+sure)|no\s+need\s+to|won't|will\s+not|wouldn't|would\s+not|shouldn't|can't|cannot|isn't|no\s+intention\s+of|rather\s+not|without|nicht|pas|no\s+quiero|niet)\b(?:\s+\S+){0,3}?\s+(?:stop|paus|withdraw|leav|quit|unsubscrib|step(?:ping)?\s+(?:back|down)|opt(?:ing)?\s+out|tak(?:e|ing)\s+a\s+break|giv(?:e|ing)\s+up|drop(?:ping)?\s+out|resum|restart|abmelden|arr[eê]ter)/;

/** Politeness around a request: "Hi, could you please ... thanks". Stripped before matching ORDERS. */
export const POLITE_PREFIX =
  /^(?:(?:ok(?:ay)?|hi|hello|hey|yes|sorry|so|right|hmm+|ah|oh|well|thanks?|thank\s+you|many\s+thanks|dear\s+[^,]{1,40}|(?:hi|hello|hey)\s+[^,]{1,30})\s*[,!.:-]\s*|(?:(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+)?|i(?:'d|\s+would)\s+be\s+grateful\s+if\s+you\s+(?:could|would)\s+|(?:please|pls|plz|kindly|bitte|por\s+favor|graag|per\s+favore)\s*,?\s+))+/;
export const POLITE_SUFFIX =
  /(?:(?<!\bfor)[\s,]+(?:please|pls|plz|thanks?|thank\s+you(?:\s+(?:very|so)\s+much)?|many\s+thanks|thx|ty|asap|now|right\s+away|straight\s+away|immediately|with\s+immediate\s+effect|from\s+now\s+on|from\s+today|bitte|danke|merci|s'il\s+vous\s+pla[iî]t|por\s+favor|gracias|graag|dank\s+je|dank\s+u|per\s+favore|grazie)[\s.!,]*)+$/;

/** The rest of a pause request that still leaves it a plain request: why, or for how long. */
export const PAUSE_REASON =
  /^(?:because|as|due\s+to|while|during|over|since|for\s+(?:now|a\s+while|the\s+moment|the\s+time\s+being|a\s+bit)|[-–:(]|exams?|on\s+leave)/;

/** Lines that open or close a message rather than say anything: the word, then at most a name. */
export const GREETING_WORD =
  /^(?:hi|hello|hey|hiya|dear|good\s+(?:morning|afternoon|evening|day)|morning|hallo|liebe[rs]?|bonjour|hola|beste|ciao|greetings)\b/i;
export const CLOSING_WORD =
  /^(?:thanks?|thank\s+you|many\s+thanks|best|best\s+wishes|best\s+regards|kind(?:est)?\s+regards|warm(?:est)?\s+regards|regards|cheers|all\s+the\s+best|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?|with\s+thanks|ta|mfg|viele\s+gr(?:ü|u|ue)(?:ß|ss)e|gr(?:ü|u|ue)(?:ß|ss)e|cordialement|merci|saludos|groeten|met\s+vriendelijke\s+groet)\b/i;
/** What may follow a greeting or closing word on its line: "again", "in advance", a name. */
export const GREETING_REST =
  /^[\s,!.:]*(?:(?:there|all|everyone|team|again|so\s+much|a\s+lot|very\s+much|in\s+advance|for\s+(?:everything|your\s+help|this|that))[\s,!.]*)?(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor)\.?\s+)?(?:\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,3})?[\s,!.:]*$/u;
