import { TextDecoder } from 'node:util';
import { MentormailError } from '../errors';

/**
 * Roster bytes to text. UTF-8 unless told otherwise: bytes that are not UTF-8 are refused with
 * their line, instead of turning "José García" into "Jos� Garc�a" on every email. A file
 * saved as Latin-1 or Windows-1252 (older Excel) can be read with `--encoding latin1`.
 */
export function decodeRoster(bytes: Buffer, fileName: string, encoding = 'utf-8'): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new MentormailError('ROSTER_INVALID', `${fileName}: nothing was imported`, [
      'the file is UTF-16 (Excel\'s "Unicode Text"): save it as "CSV UTF-8 (comma delimited)" and import that',
    ]);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new MentormailError('USAGE', `--encoding: "${encoding}" is not an encoding mentormail knows (try utf-8, latin1 or windows-1252)`);
  }
  if (decoder.encoding !== 'utf-8') return new TextDecoder(encoding).decode(bytes); // single-byte: every byte is a character
  try {
    return decoder.decode(bytes);
  } catch {
    throw new MentormailError('ROSTER_INVALID', `${fileName}: nothing was imported`, notUtf8Lines(bytes));
  }
}

/** One problem per line holding bytes that are not UTF-8 (at most ten, then a count). */
function notUtf8Lines(bytes: Buffer): string[] {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const problems: string[] = [];
  let line = 1;
  let start = 0;
  let bad = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const chunk = bytes.subarray(start, end);
    try {
      strict.decode(chunk);
    } catch {
      bad++;
      if (problems.length < 10) problems.push(`line ${line}: ${describeBadBytes(chunk)}`);
    }
    line++;
    start = end + 1;
  }
  if (bad > problems.length) problems.push(`and ${bad - problems.length} more lines like these`);
  problems.push(
    'save the file as "CSV UTF-8" (in Excel: File, Save As, CSV UTF-8), or, if it was saved as Latin-1 or Windows-1252, import it with --encoding latin1',
  );
  return problems;
}

/** Where the first byte that is not part of a well-formed UTF-8 character is, or -1. */
function firstInvalidByte(line: Buffer): number {
  for (let i = 0; i < line.length;) {
    const b = line[i];
    // How many continuation bytes the lead byte announces (RFC 3629's table).
    const more = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (more < 0) return i;
    if (more > 0) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(line.subarray(i, i + more + 1)); // also refuses overlong forms
      } catch {
        return i;
      }
    }
    i += more + 1;
  }
  return -1;
}

function describeBadBytes(line: Buffer): string {
  const i = firstInvalidByte(line);
  if (i < 0) return 'is not UTF-8 text';
  const column = [...new TextDecoder('utf-8').decode(line.subarray(0, i))].length + 1;
  return `byte 0x${line[i].toString(16).toUpperCase().padStart(2, '0')} at character ${column} is not UTF-8 text`;
}
