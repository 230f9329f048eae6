import { stringify } from 'yaml';
import { createIncidentSchema } from '../../src/schema/incident.ts';
import { checkIncidentText } from '../../src/validate/check-incident.ts';
import { checkCrossReferences } from '../../src/validate/cross-references.ts';
import type { Problem } from '../../src/core/diagnostic.ts';
import { checkRawFile } from '../../src/validate/read-file.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';
import { FIXTURE_ROOT, TEST_NOW, fixtureRecordText } from './corpus.ts';

const fixture = loadCorpus({ root: FIXTURE_ROOT, now: () => TEST_NOW });
const known = {
  incidents: new Set(fixture.incidents.map((i) => i.id)),
  organizations: new Set(fixture.organizations.keys()),
  causes: new Set(fixture.causes.map((t) => t.id)),
  safeguards: new Set(fixture.safeguards.map((t) => t.id)),
};
const schema = createIncidentSchema(() => TEST_NOW);
const fixtureBody = fixtureRecordText().split(/^---$/m).slice(2).join('---');

/** Runs every check `npm run validate` runs on one record, in memory, against the fixture corpus. */
export function validateRecordText(text: string, id = '2024-03-new-record'): { accepted: boolean; problems: Problem[] } {
  const raw = checkRawFile(Buffer.from(text, 'utf8'));
  if (raw.problems.length) return { accepted: false, problems: raw.problems };
  const checked = checkIncidentText(raw.text, schema);
  const problems = [...checked.problems];
  if (checked.data && !problems.length) problems.push(...checkCrossReferences(id, checked.data, checked.positions, known, checked.links));
  return { accepted: problems.length === 0 && checked.data !== undefined, problems };
}

/** A record file from frontmatter data and the fixture's body. */
export function recordText(data: unknown): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---${fixtureBody}`;
}
