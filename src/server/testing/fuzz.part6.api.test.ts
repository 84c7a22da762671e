// One of the files the schema-driven fuzzing suite (SYS-3) is split into, so that Vitest runs its
// parts on all workers; which operations this one fuzzes follows from its name (fuzzSuite.ts).
import { declareFuzzPart } from './fuzzSuite.js';

declareFuzzPart(import.meta.url);
