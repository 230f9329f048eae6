// npm run docs — rewrites the generated parts of the contributing guide and the pull-request
// template (components, severity rubric, claim statuses, review checklist) from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DOCUMENTS, syncGeneratedBlocks } from '../src/lib/contributing/contributing-docs.ts';

for (const file of GENERATED_DOCUMENTS) {
  const path = join(process.cwd(), file);
  const text = readFileSync(path, 'utf8');
  const synced = syncGeneratedBlocks(text);
  if (synced !== text) writeFileSync(path, synced);
  console.log(`${synced === text ? 'up to date' : 'updated'}  ${file}`);
}
