import fs from 'node:fs';
import path from 'node:path';
import type YAML from 'yaml';
import type { z } from 'zod';
import { MentormailError } from '../errors';
import { lazy } from '../lazy';
import { TEMPLATES_DIR } from '../paths';

function buildSchemas(zod: typeof z) {
  const section = zod.object({
    number: zod.number().int().positive(),
    key: zod.string().regex(/^[a-z][a-z0-9_]*$/, 'keys are lower_snake_case'),
    title: zod.string().min(1),
    prompt: zod.string().min(1),
    aliases: zod.array(zod.string().min(1)).default([]),
    list: zod.boolean().default(false),
    min_items: zod.number().int().nonnegative().default(0),
    required: zod.boolean().default(true),
  });
  const questionnaire = zod
    .object({
      intro: zod.string().default(''),
      sections: zod.array(section).min(1),
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
  return { section, questionnaire };
}

type Schemas = ReturnType<typeof buildSchemas>;
export type Section = z.infer<Schemas['section']>;
export type Questionnaire = z.infer<Schemas['questionnaire']>;

// zod and yaml are loaded with the first questionnaire read, which only mail-handling work needs (see lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = lazy(() => buildSchemas((require('zod') as typeof import('zod')).z));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = lazy(() => require('yaml') as typeof YAML);

/** The shipped definition, next to the handlebars templates. */
export const DEFAULT_QUESTIONNAIRE_PATH = path.join(TEMPLATES_DIR, 'questionnaire.yml');

export function parseQuestionnaire(yamlText: string, source = 'questionnaire.yml'): Questionnaire {
  let raw: unknown;
  try {
    raw = yaml().parse(yamlText);
  } catch (err) {
    throw new MentormailError('QUESTIONNAIRE_INVALID', `${source}: not valid YAML (${(err as Error).message})`);
  }
  const result = schemas().questionnaire.safeParse(raw);
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
