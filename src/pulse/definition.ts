import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { MentormailError } from '../errors';
import type { PulseShape } from '../reading/5-answers/pulse';

const itemSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'keys are lower_snake_case'),
  label: z.string().min(1),
});

const formSchema = z
  .object({
    intro: z.string().min(1),
    overall: z.string(),
    items: z.array(itemSchema).min(1).max(9),
  })
  .superRefine((form, ctx) => {
    const keys = form.items.map((i) => i.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'duplicate item key' });
    if (!keys.includes(form.overall)) ctx.addIssue({ code: 'custom', message: `overall: "${form.overall}" is not one of the items` });
  });

const pulseSchema = z.object({
  enabled: z.boolean(),
  heading: z.string().min(1),
  trainee: formSchema,
  mentor: formSchema,
});

export type PulseForm = z.infer<typeof formSchema>;
export type PulseDefinition = z.infer<typeof pulseSchema>;

export function parsePulse(yamlText: string, source = 'pulse.yml'): PulseDefinition {
  let raw: unknown;
  try {
    raw = YAML.parse(yamlText);
  } catch (err) {
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source}: not valid YAML (${(err as Error).message})`);
  }
  const result = pulseSchema.safeParse(raw);
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
