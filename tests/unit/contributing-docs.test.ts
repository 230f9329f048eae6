import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/body/check.ts';
import { BODY_COMPONENTS } from '../../src/body/components.ts';
import { GENERATED_DOCUMENTS, generatedBlocks, syncGeneratedBlocks } from '../../src/lib/contributing/contributing-docs.ts';
import { SEVERITY_RUBRIC } from '../../src/lib/record/severity-rubric.ts';
import { IncidentFieldsSchema } from '../../src/schema/incident-fields.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';
import { parseStrictYaml } from '../../src/validate/strict-yaml.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the contributing guide and the pull-request template', () => {
  it.each(GENERATED_DOCUMENTS)('%s is in sync with the code (run `npm run docs` if not)', (file) => {
    const text = read(file);
    expect(syncGeneratedBlocks(text)).toBe(text);
  });

  it('hold the generated blocks they need', () => {
    const names = (file: string) => [...read(file).matchAll(/<!-- generated:([a-z-]+) -->/g)].map((match) => match[1]);
    expect(names('CONTRIBUTING.md')).toEqual(['claim-statuses', 'severity', 'components', 'review-checklist']);
    expect(names('.github/pull_request_template.md')).toEqual(['checklist']);
  });

  it('rewrites stale blocks and refuses unknown ones', () => {
    const stale = 'a\n<!-- generated:checklist -->\n- old\n<!-- /generated:checklist -->\nb\n';
    expect(syncGeneratedBlocks(stale)).toBe(`a\n<!-- generated:checklist -->\n${generatedBlocks().checklist}\n<!-- /generated:checklist -->\nb\n`);
    expect(() => syncGeneratedBlocks('<!-- generated:nope -->\nx\n<!-- /generated:nope -->')).toThrow(/unknown generated block/);
  });

  it('shows component examples that pass the body checks', () => {
    for (const [name, spec] of Object.entries(BODY_COMPONENTS)) {
      const sourceIds = new Set([...spec.example.matchAll(/ids="([^"]+)"/g)].flatMap((match) => match[1]!.split(/[\s,]+/)));
      expect(checkBody(`${spec.example}\n`, sourceIds).problems, name).toEqual([]);
    }
  });

  it('shows a frontmatter example the field schema accepts', () => {
    const example = /## The record format[\s\S]*?```yaml\n([\s\S]*?)```/.exec(read('CONTRIBUTING.md'))?.[1];
    const yaml = parseStrictYaml(example ?? '');
    expect(yaml.problems).toEqual([]);
    expect(IncidentFieldsSchema.safeParse(yaml.data).error?.issues ?? []).toEqual([]);
  });

  it('rates its severity examples as the records do', () => {
    const corpus = loadCorpus({ root: ROOT });
    for (const [level, { examples }] of Object.entries(SEVERITY_RUBRIC)) {
      for (const id of examples) {
        expect(existsSync(join(ROOT, 'content', 'incidents', `${id}.mdx`)), id).toBe(true);
        expect(corpus.incidents.find((incident) => incident.id === id)?.data.impact.severity, id).toBe(level);
      }
    }
  });
});

describe('the worked example in the contributing guide', () => {
  const guide = readFileSync(join(import.meta.dirname, '..', '..', 'CONTRIBUTING.md'), 'utf8');
  const fixture = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'content', 'incidents', '2024-03-example-agent-deletion.mdx');

  it('is the fixture record the tests load, so it stays valid as the format changes', () => {
    const example = /## A worked example[\s\S]*?```mdx\n([\s\S]*?)\n```\n/.exec(guide)?.[1];
    expect(example).toBe(readFileSync(fixture, 'utf8').replace(/\n+$/, ''));
    const corpus = loadCorpus({ root: join(fixture, '..', '..', '..'), now: () => Date.parse('2026-01-01T00:00:00Z') });
    expect(corpus.diagnostics).toEqual([]);
    expect(corpus.incidents.map((incident) => incident.id)).toContain('2024-03-example-agent-deletion');
  });

  it('names every safeguard status and every timeline kind the schema allows', async () => {
    const { SAFEGUARD_STATUSES } = await import('../../src/schema/safeguard.ts');
    const { EVENT_KINDS } = await import('../../src/schema/timeline.ts');
    for (const status of SAFEGUARD_STATUSES) expect(guide, status).toMatch(new RegExp(`^- \`${status}\`: `, 'm'));
    for (const kind of EVENT_KINDS) expect(guide, kind).toMatch(new RegExp(`^- \`${kind}\`: `, 'm'));
  });
});
