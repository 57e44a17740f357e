/** Normalised form used for every comparison and stored address: trimmed, lower case. */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

// Deliberately plain: one @, no spaces, a dot in the domain (or localhost for local mode).
const ADDRESS = /^[^\s@<>(),;:"[\]]+@([a-z0-9-]+\.)*[a-z0-9-]+$/i;

export function isValidAddress(address: string): boolean {
  const a = address.trim();
  if (!ADDRESS.test(a) || a.length > 254) return false;
  const domain = a.split('@')[1];
  return domain.includes('.') || domain.toLowerCase() === 'localhost';
}

export function splitAddress(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}
