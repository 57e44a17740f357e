import fs from 'node:fs';
import path from 'node:path';
import type HandlebarsNamespace from 'handlebars';
import { lazy } from '../lazy';
import { TEMPLATES_DIR } from '../paths';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const EMAILS_DIR = path.join(TEMPLATES_DIR, 'emails');

type Handlebars = typeof HandlebarsNamespace;

// Text parts are not HTML: no escaping. HTML parts escape everything except {{{br x}}}.
const engines = lazy(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render (see lazy.ts)
  const handlebars = (require('handlebars') as { default: Handlebars }).default;
  const text = handlebars.create();
  const html = handlebars.create();
  html.registerHelper(
    'br',
    (value: unknown) =>
      new handlebars.SafeString(
        html.Utils.escapeExpression(typeof value === 'string' || typeof value === 'number' ? String(value) : '').replace(
          /\r?\n/g,
          '<br>\n',
        ),
      ),
  );
  return { handlebars, text, html };
});

type Compiled = (ctx: object) => string;
const cache = new Map<string, Compiled | null>();

function compiled(file: string, kind: 'text' | 'html'): Compiled | null {
  if (!cache.has(file)) {
    const source = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    cache.set(file, source === null ? null : engines()[kind].compile(source, { noEscape: kind === 'text', strict: false }));
  }
  return cache.get(file) ?? null;
}

/** Plain text to simple HTML, for emails that have no HTML template of their own. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${engines().handlebars.Utils.escapeExpression(para).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

function wrapHtml(body: string): string {
  return `<!doctype html>\n<html><body style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.4">\n${body}\n</body></html>\n`;
}

/**
 * Renders templates/emails/NAME.txt.hbs (first line `Subject: ...`, a blank line, the body)
 * and NAME.html.hbs when there is one.
 */
export function renderEmail(name: string, context: object): RenderedEmail {
  const text = compiled(path.join(EMAILS_DIR, `${name}.txt.hbs`), 'text');
  if (!text) throw new Error(`no template ${name}.txt.hbs`);
  const rendered = text(context).replace(/\r\n/g, '\n');
  const match = /^Subject: (.*)\n\n?/.exec(rendered);
  if (!match) throw new Error(`template ${name}.txt.hbs must start with a Subject: line`);
  const body =
    rendered
      .slice(match[0].length)
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n';
  const html = compiled(path.join(EMAILS_DIR, `${name}.html.hbs`), 'html');
  return { subject: match[1].trim(), text: body, html: wrapHtml(html ? html(context) : textToHtml(body)) };
}
