import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { MentormailError } from '../errors';
import { TEMPLATES_DIR } from '../paths';

const sectionSchema = z.object({
  number: z.number().int().positive(),
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'keys are lower_snake_case'),
  title: z.string().min(1),
  prompt: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  list: z.boolean().default(false),
  min_items: z.number().int().nonnegative().default(0),
  required: z.boolean().default(true),
});

const questionnaireSchema = z
  .object({
    intro: z.string().default(''),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    for (const s of q.sections) {
      for (const id of [`key ${s.key}`, `number ${s.number}`]) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate section ${id}` });
        seen.add(id);
      }
    }
  });

export type Section = z.infer<typeof sectionSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** The shipped definition, next to the handlebars templates. */
export const DEFAULT_QUESTIONNAIRE_PATH = path.join(TEMPLATES_DIR, 'questionnaire.yml');

export function parseQuestionnaire(yamlText: string, source = 'questionnaire.yml'): Questionnaire {
  let raw: unknown;
  try {
    raw = YAML.parse(yamlText);
  } catch (err) {
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source}: not valid YAML (${(err as Error).message})`);
  }
  const result = questionnaireSchema.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source} is not a valid questionnaire`, details);
  }
  return { ...result.data, sections: [...result.data.sections].sort((a, b) => a.number - b.number) };
}

const cache = new Map<string, Questionnaire>();

export function loadQuestionnaire(file = DEFAULT_QUESTIONNAIRE_PATH): Questionnaire {
  const cached = cache.get(file);
  if (cached) return cached;
  const q = parseQuestionnaire(fs.readFileSync(file, 'utf8'), path.basename(file));
  cache.set(file, q);
  return q;
}
