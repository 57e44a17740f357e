import { evaluationSection } from './evaluation';
import { healthSection } from './health';
import type { SectionBuilder } from './input';
import { lengthsSection } from './lengths';
import { overviewSection } from './overview';
import { pulseSection } from './pulse';
import { responseSection } from './response';

export type { ReportInput, SectionBuilder } from './input';

/**
 * The report's sections, in order. A feature adds its own with one line here (action plans:
 * plan items done, when that exists); a builder returning null is left out.
 */
export const REPORT_SECTIONS: SectionBuilder[] = [
  overviewSection,
  evaluationSection,
  responseSection,
  healthSection,
  lengthsSection,
  pulseSection,
];
