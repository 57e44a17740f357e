import Handlebars from 'handlebars';

/**
 * The fixed sentences of the scheme's own emails, read from the Handlebars templates themselves
 * (templates/emails/*.hbs), so a reworded template never leaves a stale copy here. A trainee's
 * reply often carries them (Outlook's unmarked original, a pasted questionnaire); the answers
 * stage must never take them for answers. The caller reads the files; this only parses them.
 */

export interface TemplateSource {
  /** The template's name, e.g. "questionnaire" for questionnaire.txt.hbs. */
  name: string;
  /** The Handlebars source. */
  source: string;
}

export interface OurSentence {
  text: string;
  /** The template the sentence is from. */
  template: string;
  /** After the list of sections: nothing below it belongs to the section above (the email's footer). */
  footer: boolean;
  /** Introduces last round's goals, listed as "Short term: …" lines that look like answers. */
  previousGoals: boolean;
  /** Stands for "no answer" ("(not answered)"). */
  placeholder: boolean;
}

export interface OurWording {
  sentences: OurSentence[];
}

/** Fragments shorter than this say nothing of their own ("). ", "you wrote", "it goes to"). */
const MIN_FRAGMENT_WORDS = 4;

interface Fragment {
  text: string;
  footer: boolean;
  previousGoals: boolean;
}

type Statement = hbs.AST.Statement;

function paramNames(block: hbs.AST.BlockStatement): string[] {
  return [block.path, ...block.params].map((p) => (p as { original?: unknown }).original).filter((o): o is string => typeof o === 'string');
}

/**
 * The literal text of a template, cut wherever an expression is filled in, with where each piece
 * sits: after the `{{#each sections}}` list (footer) or inside `{{#if previousGoals}}`.
 */
function fragmentsOf(source: string): Fragment[] {
  const fragments: Fragment[] = [];
  let current = '';
  let afterSections = false;
  const flush = (previousGoals: boolean): void => {
    for (const line of current.split('\n')) {
      const text = line
        .replace(/<[^>]{0,300}>/g, ' ')
        .replace(/&[a-z]+;/gi, ' ')
        .trim();
      if (text !== '') fragments.push({ text, footer: afterSections, previousGoals });
    }
    current = '';
  };
  const walk = (body: Statement[], previousGoals: boolean, inEach: boolean): void => {
    for (const statement of body) {
      if (statement.type === 'ContentStatement') {
        current += (statement as hbs.AST.ContentStatement).value;
        continue;
      }
      flush(previousGoals);
      if (statement.type !== 'BlockStatement') continue;
      const block = statement as hbs.AST.BlockStatement;
      const names = paramNames(block);
      const isEach = names[0] === 'each';
      const goals = previousGoals || names.includes('previousGoals');
      // Inside a loop the text repeats around per-item values: "In the … you wrote …".
      if (block.program) walk(block.program.body, goals, inEach || isEach);
      flush(goals);
      if (block.inverse) walk(block.inverse.body, goals, inEach || isEach);
      flush(goals);
      if (isEach && names.includes('sections') && !inEach) afterSections = true;
    }
  };
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source.replace(/^Subject:[^\n]*\n/, ''));
  } catch {
    // A template that does not parse renders nothing either; it has no wording to protect.
    return [];
  }
  walk(ast.body, false, false);
  flush(false);
  return fragments;
}

/** A fragment split at sentence ends, each part with enough words to mean something. */
function sentencesOf(fragment: Fragment, template: string): OurSentence[] {
  return fragment.text
    .split(/(?<=[.?!;])\s+/)
    .map((part) => part.replace(/^[\s.,;:)]+/, '').trim())
    .filter((part) => part.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= MIN_FRAGMENT_WORDS || /^\(.+\)$/.test(part))
    .map((text) => ({
      text,
      template,
      footer: fragment.footer,
      previousGoals: fragment.previousGoals,
      placeholder: /^\([^()]+\)$/.test(text),
    }));
}

/** The wording of the given templates (pure: the caller reads the files). */
export function ourWordingFrom(templates: TemplateSource[]): OurWording {
  const seen = new Set<string>();
  const sentences: OurSentence[] = [];
  for (const { name, source } of templates) {
    for (const fragment of fragmentsOf(source)) {
      for (const sentence of sentencesOf(fragment, name)) {
        const key = `${name}\u0000${sentence.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        sentences.push(sentence);
      }
    }
  }
  // The same sentence in several emails (the confidentiality line closes the questionnaire and an
  // introduction alike) means what it means in any of them: a footer anywhere ends a section.
  const footers = new Set(sentences.filter((s) => s.footer).map((s) => s.text));
  return { sentences: sentences.map((s) => (footers.has(s.text) ? { ...s, footer: true } : s)) };
}

export const NO_WORDING: OurWording = { sentences: [] };
