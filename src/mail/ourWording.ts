import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../paths';
import { ourWordingFrom, type OurWording } from '../reading';

const EMAILS_DIR = path.join(TEMPLATES_DIR, 'emails');
const cache = new Map<string, OurWording>();

/**
 * The fixed sentences of the emails the scheme sends, read from templates/emails/*.hbs so the
 * reply reader recognises them in replies however the templates are worded (reading/ parses;
 * this is the I/O at its edge). Read once per folder.
 */
export function loadOurWording(dir = EMAILS_DIR): OurWording {
  const cached = cache.get(dir);
  if (cached) return cached;
  const templates = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => ({ name: f.replace(/\.(?:txt|html)\.hbs$|\.hbs$/, ''), source: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const wording = ourWordingFrom(templates);
  cache.set(dir, wording);
  return wording;
}
