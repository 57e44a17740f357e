import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { clearAddressFailing, findPersonByEmail, getPerson, type Person } from '../db/people';
import { MentormailError } from '../errors';
import { isValidAddress, normaliseAddress } from '../mail/address';

/**
 * A person's address changes; the person does not. They keep their id, so their rounds,
 * answers, conversation and pairings stay theirs. What they were sent before still counts:
 * a reply to it is accepted from the new address, and no longer from the old one (which may
 * now be someone else's). Mail still waiting to be sent goes to the new address.
 */
export interface AddressChange {
  person: Person;
  from: string;
  to: string;
  /** Pending messages redirected to the new address. */
  redirected: number;
}

export function changeEmail(db: Db, oldAddress: string, newAddress: string, botAddress: string, now: Date): AddressChange {
  const from = normaliseAddress(oldAddress);
  const to = normaliseAddress(newAddress);
  const person = findPersonByEmail(db, from);
  if (!person) {
    const moved = addressChangeFrom(db, from);
    throw new MentormailError(
      'NOT_FOUND',
      moved
        ? `${oldAddress} was already changed to ${moved.new_email} on ${moved.changed_at.slice(0, 10)}`
        : `${oldAddress} is not on the roster (see: mentormail people)`,
    );
  }
  if (!isValidAddress(to)) throw new MentormailError('USAGE', `${newAddress} is not a valid email address`);
  if (to === from) throw new MentormailError('USAGE', `${newAddress} is already ${person.name}'s address`);
  if (to === normaliseAddress(botAddress))
    throw new MentormailError('USAGE', `${newAddress} is mentormail's own address (MENTORMAIL_ADDRESS)`);
  const other = findPersonByEmail(db, to);
  if (other) throw new MentormailError('USAGE', `${newAddress} already belongs to ${other.name} on the roster`);

  return db.transaction((): AddressChange => {
    stmt(db, 'UPDATE people SET email = ? WHERE id = ?').run(to, person.id);
    // A new address has not bounced: whatever failed was the old one.
    clearAddressFailing(db, person.id);
    stmt(db, 'INSERT INTO address_changes (person_id, old_email, new_email, changed_at) VALUES (?, ?, ?, ?)').run(
      person.id,
      from,
      to,
      now.toISOString(),
    );
    // Reply tokens are honoured only from the address they name: from now on, the new one.
    stmt(db, 'UPDATE tokens SET address = ? WHERE person_id = ? AND address = ?').run(to, person.id, from);
    // Matching vetoes (supervises, supervised by) name people by address: they follow the person.
    stmt(db, 'UPDATE OR IGNORE profile_conflicts SET other_email = ? WHERE other_email = ?').run(to, from);
    stmt(db, 'DELETE FROM profile_conflicts WHERE other_email = ?').run(from);
    const redirected = stmt(db, "UPDATE outbox SET to_address = ? WHERE person_id = ? AND to_address = ? AND state = 'pending'").run(
      to,
      person.id,
      from,
    ).changes;
    return { person: getPerson(db, person.id), from, to, redirected };
  })();
}

/** The change that took a person away from `address`, if there was one (the latest). */
export function addressChangeFrom(db: Db, address: string): { new_email: string; changed_at: string } | undefined {
  return stmt(
    db,
    `SELECT p.email AS new_email, c.changed_at FROM address_changes c JOIN people p ON p.id = c.person_id
       WHERE c.old_email = ? ORDER BY c.id DESC LIMIT 1`,
  ).get(normaliseAddress(address)) as { new_email: string; changed_at: string } | undefined;
}

/** `address-ok`: the coordinator knows the address works again (the mailbox was full, say). */
export function addressOk(db: Db, address: string): { person: Person; wasFailing: boolean } {
  const person = findPersonByEmail(db, normaliseAddress(address));
  if (!person) throw new MentormailError('NOT_FOUND', `${address} is not on the roster (see: mentormail people)`);
  if (!person.address_failing_since) return { person, wasFailing: false };
  clearAddressFailing(db, person.id);
  return { person: getPerson(db, person.id), wasFailing: true };
}
