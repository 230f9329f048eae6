import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/body/check.ts';
import { textOf } from '../../src/body/render.ts';
import { escapeMdxText, buildOrganizationText, buildRecordText, kebab, oneLine, recordId, type NewRecordAnswers } from '../../src/lib/contributing/new-record.ts';
import { answerChecks, choice, list, recordIdCheck, type AnswerContext } from '../../src/lib/contributing/new-record-checks.ts';
import { createIncidentSchema } from '../../src/schema/incident.ts';
import { OrganizationSchema } from '../../src/schema/organization.ts';
import { checkIncidentText } from '../../src/validate/check-incident.ts';
import { checkCrossReferences } from '../../src/validate/cross-references.ts';
import { parseStrictYaml } from '../../src/validate/strict-yaml.ts';
import { loadWithRecords, TEST_NOW } from '../support/corpus.ts';

const ANSWERS: NewRecordAnswers = {
  id: '2024-05-example-agent-outage',
  title: 'Example service down after an agent: "cleaned up" a config',
  summary: 'An example agent removed a configuration file it judged unused, and the example service stopped answering for about two hours.',
  status: 'draft',
  type: 'incident',
  start: '2024-05',
  organizations: [{ id: 'example-cloud', role: 'operator' }],
  systems: ['Example Service', 'Example API'],
  severity: 'moderate',
  impact: 'Users of the example service could not sign in.',
  dataLoss: 'none',
  involvement: 'agent',
  tool: 'Example Agent',
  trigger: 'The agent deleted a configuration file.',
  categories: ['agent-destructive-action'],
  event: { at: '2024-05-02', text: 'The agent deleted the configuration file.' },
  source: { id: 'example-postmortem', title: 'Postmortem: config removal', publisher: 'Example Cloud', url: 'https://cloud.example.com/pm', kind: 'postmortem', published: '2024-05-04' },
};

const schema = createIncidentSchema(() => TEST_NOW);
const known = {
  incidents: new Set<string>(),
  organizations: new Set(['example-cloud', 'example-news']),
  causes: new Set(['agent-destructive-action', 'excess-privilege']),
  safeguards: new Set(['human-approval']),
};

/** Every check a record goes through in `npm run validate`, on the text alone. */
function check(text: string, id = ANSWERS.id) {
  const result = checkIncidentText(text, schema);
  const problems = [...result.problems, ...(result.data ? checkCrossReferences(id, result.data, result.positions, known) : [])];
  return { ...result, problems };
}

describe('a new record from answers', () => {
  it('passes every check and says exactly what was answered', () => {
    const text = buildRecordText(ANSWERS);
    const { data, problems } = check(text);
    expect(problems).toEqual([]);
    expect(data).toMatchObject({
      title: ANSWERS.title,
      status: 'draft',
      occurred: { start: '2024-05' },
      organizations: ANSWERS.organizations,
      systems: ANSWERS.systems,
      impact: { severity: 'moderate', summary: ANSWERS.impact, data_loss: 'none' },
      automation: { involvement: 'agent', tool: 'Example Agent' },
      cause: { trigger: ANSWERS.trigger, categories: ANSWERS.categories },
      timeline: [{ at: '2024-05-02', event: ANSWERS.event.text, sources: ['example-postmortem'] }],
      claims: [],
      safeguards: [],
      sources: [{ ...ANSWERS.source }],
    });
    expect(text).not.toMatch(/TODO|lorem|example\.org\/placeholder/i);
  });

  it('reads like a hand-written record', () => {
    const text = buildRecordText({ ...ANSWERS, start: '2024' });
    expect(text).toContain('  - { id: example-cloud, role: operator }\n');
    expect(text).toContain('systems: [Example Service, Example API]\n');
    expect(text).toContain('summary: >-\n  An example agent');
    expect(text).toContain('  start: 2024\n');
    expect(text).toMatch(/\n---\n\n## What happened\n\nAn example agent .* <Cite ids="example-postmortem" \/>\n$/);
  });

  it('leaves the automation block out when none was involved', () => {
    const { tool: _tool, ...rest } = ANSWERS;
    const { data, problems } = check(buildRecordText({ ...rest, involvement: 'none' }));
    expect(problems).toEqual([]);
    expect(data?.automation).toBeUndefined();
  });

  it('round-trips any text through YAML and the MDX body', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom(...'{}<>[]()*_`~#!|&@:=+-.\\"\'%,;/ \t'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom('é', '—', '“', '日')), minLength: 1, maxLength: 60 });
    const sentence = fc.tuple(fc.stringMatching(/^[A-Za-z][a-z]{2,9}$/), text).map(([word, rest]) => oneLine(`${word}${rest}`)).filter((value) => value.length > 0);
    fc.assert(
      fc.property(sentence, sentence, sentence, (title, trigger, tail) => {
        // Lengths count code points, as the schema does.
        const base = [...oneLine(`${title} ${tail} ${trigger}`)].slice(0, 600);
        const summary = base.join('') + '.'.repeat(Math.max(0, 40 - base.length));
        const answers = { ...ANSWERS, title: oneLine(`${title} outage of the example system`), trigger, summary, impact: tail, systems: [title.replace(/,/g, ' ').trim() || 'x'] };
        const record = buildRecordText(answers);
        const { data, problems, tree } = check(record);
        expect(problems, record).toEqual([]);
        expect([data?.title, data?.summary, data?.cause.trigger, data?.impact.summary]).toEqual([answers.title, answers.summary, trigger, tail]);
        const paragraph = tree?.children?.find((node) => node.type === 'paragraph');
        if (paragraph) expect(textOf(paragraph), record).toBe(`${summary} `);
        else expect(summary, record).toMatch(/@/);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes markup, components, expressions, entities and autolinks in the body', () => {
    for (const summary of ['Use {x} and <Cite ids="a" />', '# Not a heading', '> not a quote', '- not a list', '1. not a list', 'a@b alone', '&copy; *em* _em_ `code` [link](https://x.example) ~~del~~']) {
      const body = `${escapeMdxText(summary)}\n`;
      const checked = checkBody(body, new Set());
      expect(checked.problems, body).toEqual([]);
      expect(checked.tree?.children?.map((node) => node.type), body).toEqual(['paragraph']);
      expect(textOf(checked.tree!.children![0]!), body).toBe(summary);
    }
  });

  it('leaves the account to the contributor when the summary cannot be plain text', () => {
    // MDX reads a paragraph that starts with "export" as code, whatever the escaping of its characters.
    const text = buildRecordText({ ...ANSWERS, summary: `export ${ANSWERS.summary}` });
    expect(check(text).problems).toEqual([]);
    expect(text.endsWith('---\n\n## What happened\n')).toBe(true);
  });

  it('writes an organization file the schema accepts', () => {
    const text = buildOrganizationText({ id: 'example-startup', name: 'Example: Startup', url: 'https://startup.example' });
    expect(OrganizationSchema.parse(parseStrictYaml(text).data)).toEqual({ name: 'Example: Startup', url: 'https://startup.example' });
  });

  it('passes the whole validator in a copy of a corpus', () => {
    const corpus = loadWithRecords({ [`${ANSWERS.id}.mdx`]: buildRecordText(ANSWERS) });
    expect(corpus.diagnostics).toEqual([]);
    expect(corpus.incidents.map((incident) => incident.id)).toContain(ANSWERS.id);
  });
});

describe('answer checks', () => {
  const context: AnswerContext = { records: new Set(['2024-03-example-agent-deletion']), organizations: known.organizations, causes: known.causes, now: TEST_NOW };
  const checks = answerChecks(context);

  it('names files from the start date and a few words', () => {
    expect(kebab('Ça marche: AWS S3 — us-east-1 outage!')).toBe('ca-marche-aws-s3-us-east');
    expect(recordId('2025-12-15T09:47Z', 'Cost Explorer')).toBe('2025-12-cost-explorer');
    expect(recordId('2025', 'x')).toBe('2025-x');
    expect(recordIdCheck('2024-03', context.records)('Example agent deletion')).toEqual({ error: expect.stringMatching(/already exists/) });
    expect(recordIdCheck('2024-03', context.records)('!!!')).toEqual({ error: expect.stringMatching(/few words/) });
  });

  it('uses the schema’s own messages', () => {
    expect(checks.summary('too short')).toEqual({ error: 'must be at least 40 characters' });
    expect(checks.sourceUrl('javascript:alert(1)')).toEqual({ error: 'must be an absolute http(s) URL, starting with https:// or http://' });
    expect(checks.sourceUrl('https://example.org/a?utm_source=x&id=2')).toEqual({ error: 'carries the tracking parameter "utm_source"; use https://example.org/a?id=2' });
    expect(checks.type('near')).toEqual({ value: 'near-miss' });
    expect(checks.dataDestroyed('')).toEqual({ value: undefined });
    expect(checks.sourceId('Not Kebab')).toEqual({ error: expect.stringMatching(/kebab-case/) });
    expect(checks.start('2025-02-30')).toEqual({ error: expect.stringMatching(/real date/) });
    expect(checks.start('2027-06')).toEqual({ error: 'is in the future (2027-06)' });
    expect(checks.start('2025')).toEqual({ value: '2025' });
  });

  it('accepts a choice by name, number or unambiguous start', () => {
    const severity = choice(['low', 'moderate', 'high', 'critical'] as const);
    expect([severity('high'), severity('2'), severity('mod'), severity(' CRIT ')]).toEqual([{ value: 'high' }, { value: 'moderate' }, { value: 'moderate' }, { value: 'critical' }]);
    expect(severity('')).toEqual({ error: 'must be one of low, moderate, high, critical' });
    expect(choice(['partial', 'postmortem'] as const)('p')).toHaveProperty('error');
  });

  it('checks every item of a list, with suggestions for taxonomy ids', () => {
    expect(list(checks.organization)('a, b ,c')).toEqual({ value: ['a', 'b', 'c'] });
    expect(list(checks.organization)(' , ')).toHaveProperty('error');
    expect(checks.categories('agent-destructive-action, excess-privlege')).toEqual({ error: '"excess-privlege" is not in content/taxonomy/causes.yaml; did you mean "excess-privilege"?' });
  });

  it('treats blank optional answers as unknown', () => {
    expect(checks.sourcePublished('  ')).toEqual({ value: undefined });
    expect(checks.organizationUrl('')).toEqual({ value: undefined });
    expect(checks.organizationUrl('ftp://x.example')).toHaveProperty('error');
  });
});
