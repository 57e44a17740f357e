import fs from 'node:fs';
import path from 'node:path';
import type YAML from 'yaml';
import type { z } from 'zod';
import { MentormailError } from '../errors';
import { lazy } from '../lazy';
import { TEMPLATES_DIR } from '../paths';

/** The Northern Deanery pilot's question, in its words: asked the same way every year. */
export const PILOT_QUESTION = 'Did you find e-mentoring a useful independent form of support and advice?';
/** The pilot's result (BMJ 2008;336:s7): eight of the 10 surgical senior house officers. */
export const PILOT_RESULT = { yes: 8, of: 10, year: 2006 } as const;

function buildSchema(zod: typeof z) {
  const item = zod.object({
    key: zod.string().regex(/^[a-z][a-z0-9_]*$/, 'keys are lower_snake_case'),
    number: zod.number().int().positive(),
    text: zod.string().min(1),
    answer: zod.enum(['yes_no', 'scale', 'zero_to_ten', 'free_text']),
    framework: zod.string().default(''),
  });
  const form = zod.object({ intro: zod.string().min(1), items: zod.array(item).min(1) }).superRefine((f, ctx) => {
    const seen = new Set<string>();
    for (const i of f.items)
      for (const id of [`key ${i.key}`, `number ${i.number}`]) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate ${id}` });
        seen.add(id);
      }
    if (!f.items.some((i) => i.key === 'useful' && i.answer === 'yes_no'))
      ctx.addIssue({ code: 'custom', message: 'needs the yes/no item "useful" (the pilot question)' });
  });
  const evaluation = zod.object({ trainee: form, mentor: form }).superRefine((e, ctx) => {
    if (e.trainee.items.find((i) => i.key === 'useful')?.text !== PILOT_QUESTION)
      ctx.addIssue({ code: 'custom', message: `trainee item "useful" must ask, in the pilot's words: ${PILOT_QUESTION}` });
  });
  return { item, form, evaluation };
}

type Schemas = ReturnType<typeof buildSchema>;
export type EvaluationItem = z.infer<Schemas['item']>;
export type EvaluationForm = z.infer<Schemas['form']>;
export type EvaluationDefinition = z.infer<Schemas['evaluation']>;

// zod and yaml load with the first survey read, not with every command (see lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = lazy(() => buildSchema((require('zod') as typeof import('zod')).z));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = lazy(() => require('yaml') as typeof YAML);

export const EVALUATION_PATH = path.join(TEMPLATES_DIR, 'evaluation.yml');

export function parseEvaluation(yamlText: string, source = 'evaluation.yml'): EvaluationDefinition {
  let raw: unknown;
  try {
    raw = yaml().parse(yamlText);
  } catch (err) {
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source}: not valid YAML (${(err as Error).message})`);
  }
  const result = schemas().evaluation.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source} is not a valid evaluation`, details);
  }
  const sorted = (f: EvaluationForm) => ({ ...f, items: [...f.items].sort((a, b) => a.number - b.number) });
  return { trainee: sorted(result.data.trainee), mentor: sorted(result.data.mentor) };
}

let cached: EvaluationDefinition | null = null;

/** templates/evaluation.yml, read once. */
export function loadEvaluation(): EvaluationDefinition {
  cached ??= parseEvaluation(fs.readFileSync(EVALUATION_PATH, 'utf8'));
  return cached;
}

export const ANSWER_HINTS: Record<EvaluationItem['answer'], string> = {
  yes_no: 'yes or no',
  scale: '1 strongly disagree to 5 strongly agree, or n/a',
  zero_to_ten: '0 not at all likely to 10 extremely likely',
  free_text: 'optional',
};
