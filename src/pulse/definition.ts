import fs from 'node:fs';
import path from 'node:path';
import type YAML from 'yaml';
import type { z } from 'zod';
import { MentormailError } from '../errors';
import { lazy } from '../lazy';
import type { PulseShape } from '../reading/5-answers/pulse';

function buildSchema(zod: typeof z) {
  const item = zod.object({
    key: zod.string().regex(/^[a-z][a-z0-9_]*$/, 'keys are lower_snake_case'),
    label: zod.string().min(1),
  });
  const form = zod
    .object({ intro: zod.string().min(1), overall: zod.string(), items: zod.array(item).min(1).max(9) })
    .superRefine((f, ctx) => {
      const keys = f.items.map((i) => i.key);
      if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'duplicate item key' });
      if (!keys.includes(f.overall)) ctx.addIssue({ code: 'custom', message: `overall: "${f.overall}" is not one of the items` });
    });
  return { form, pulse: zod.object({ enabled: zod.boolean(), heading: zod.string().min(1), trainee: form, mentor: form }) };
}

type Schemas = ReturnType<typeof buildSchema>;
export type PulseForm = z.infer<Schemas['form']>;
export type PulseDefinition = z.infer<Schemas['pulse']>;

// zod and yaml load with the first pulse read, not with every command (see lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = lazy(() => buildSchema((require('zod') as typeof import('zod')).z));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = lazy(() => require('yaml') as typeof YAML);

export function parsePulse(yamlText: string, source = 'pulse.yml'): PulseDefinition {
  let raw: unknown;
  try {
    raw = yaml().parse(yamlText);
  } catch (err) {
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source}: not valid YAML (${(err as Error).message})`);
  }
  const result = schemas().pulse.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source} is not a valid pulse definition`, details);
  }
  return result.data;
}

const cache = new Map<string, PulseDefinition>();

/** The pulse definition in `file` (MENTORMAIL_PULSE), read once. */
export function loadPulse(file: string): PulseDefinition {
  const cached = cache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new MentormailError(
      'FILE_UNUSABLE',
      `${file}: the pulse definition cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const def = parsePulse(text, path.basename(file));
  cache.set(file, def);
  return def;
}

/** What the reply reader needs, or undefined when the pulse is off (nothing is then taken out). */
export function pulseShape(def: PulseDefinition): PulseShape | undefined {
  if (!def.enabled) return undefined;
  return {
    heading: def.heading,
    wording: [def.trainee.intro, def.mentor.intro, ...def.trainee.items.map((i) => i.label), ...def.mentor.items.map((i) => i.label)],
  };
}

/** Questions as an email shows them: "Q1 Overall, how good ...". */
export function pulseQuestions(form: PulseForm): { label: string; number: number }[] {
  return form.items.map((item, i) => ({ number: i + 1, label: item.label }));
}
