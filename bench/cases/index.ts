import type { BenchCase } from '../support/case';
import { bigAttachment } from './bigAttachment';
import { cycleDay } from './cycleDay';
import { growth } from './growth';
import { idleTick } from './idleTick';
import { ingest } from './ingest';
import { parse } from './parse';

/** Every case, in the order the table shows them. A new case is one file here and one line below. */
export const CASES: readonly BenchCase[] = [cycleDay, ingest, idleTick, parse, bigAttachment, growth];
