import path from 'node:path';
import { TEMPLATES_DIR } from '../../src/paths';

export const DEFAULT_PULSE = path.join(TEMPLATES_DIR, 'pulse.yml');
