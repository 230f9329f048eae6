import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The provenance fixtures: a near-miss with every new field, and a withdrawn duplicate of it. */
export const PROVENANCE_DIR = join(import.meta.dirname, '..', 'fixtures', 'provenance');
export const NEAR_MISS = '2024-06-example-wipe-prompt-near-miss.mdx';
export const WITHDRAWN = '2024-06-example-wipe-prompt-duplicate.mdx';

/** A provenance fixture's text. */
export function provenanceText(name: string): string {
  return readFileSync(join(PROVENANCE_DIR, name), 'utf8');
}
