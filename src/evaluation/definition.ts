import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { MentormailError } from '../errors';
import { TEMPLATES_DIR } from '../paths';

/** The Northern Deanery pilot's question, in its words: asked the same way every year. */
export const PILOT_QUESTION = 'Did you find e-mentoring a useful independent form of support and advice?';
/** The pilot's result (BMJ 2008;336:s7): eight of the 10 surgical senior house officers. */
export const PILOT_RESULT = { yes: 8, of: 10, year: 2006 } as const;

const itemSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'keys are lower_snake_case'),
  number: z.number().int().positive(),
  text: z.string().min(1),
  answer: z.enum(['yes_no', 'scale', 'zero_to_ten', 'free_text']),
  framework: z.string().default(''),
});

const formSchema = z.object({ intro: z.string().min(1), items: z.array(itemSchema).min(1) }).superRefine((form, ctx) => {
  const seen = new Set<string>();
  for (const i of form.items)
    for (const id of [`key ${i.key}`, `number ${i.number}`]) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate ${id}` });
      seen.add(id);
    }
  if (!form.items.some((i) => i.key === 'useful' && i.answer === 'yes_no'))
    ctx.addIssue({ code: 'custom', message: 'needs the yes/no item "useful" (the pilot question)' });
});

const evaluationSchema = z.object({ trainee: formSchema, mentor: formSchema }).superRefine((e, ctx) => {
  if (e.trainee.items.find((i) => i.key === 'useful')?.text !== PILOT_QUESTION)
    ctx.addIssue({ code: 'custom', message: `trainee item "useful" must ask, in the pilot's words: ${PILOT_QUESTION}` });
});

export type EvaluationItem = z.infer<typeof itemSchema>;
export type EvaluationForm = z.infer<typeof formSchema>;
export type EvaluationDefinition = z.infer<typeof evaluationSchema>;

export const EVALUATION_PATH = path.join(TEMPLATES_DIR, 'evaluation.yml');

export function parseEvaluation(yamlText: string, source = 'evaluation.yml'): EvaluationDefinition {
  let raw: unknown;
  try {
    raw = YAML.parse(yamlText);
  } catch (err) {
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source}: not valid YAML (${(err as Error).message})`);
  }
  const result = evaluationSchema.safeParse(raw);
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
