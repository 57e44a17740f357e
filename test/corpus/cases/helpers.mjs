import { MENTORS, SCHEME, relay } from '../world.mjs';

/** When the quoted message was sent (a Tuesday morning), unless a case says otherwise. */
export const SENT = { y: 2027, m: 3, d: 2, wd: 2, h: 9, min: 14 };

const isMentor = (p) => Object.values(MENTORS).includes(p);

/** The relayed message the author replies to: written by `other`, sent by the scheme. */
export function relayed(other, body, { date = SENT, round = 3 } = {}) {
  const fromMentor = isMentor(other);
  return {
    name: `${other.name} via E-mentoring`,
    address: SCHEME.address,
    date,
    text: relay(other, body, { fromMentor }),
    subject: `Round ${round}: a message from ${other.name}`,
  };
}

/**
 * A conversation reply: `author` answers what `other` wrote (relayed by the scheme).
 * Everything else in the case (client, reply, signature, options) passes through.
 */
export function conv({ author, other, said, round = 3, ...rest }) {
  const original = relayed(other, said, { round, date: rest.originalDate ?? SENT });
  return {
    from: author,
    subject: `Re: Round ${round}: a message from ${other.name}`,
    original,
    ...rest,
  };
}

/** A message from the scheme itself (questionnaire, receipt, forward) as the original. */
export function fromScheme(text, subject, { date = SENT, name = SCHEME.name } = {}) {
  return { name, address: SCHEME.address, date, text, subject };
}
