import type { IncidentRecord } from '../../src/lib/analysis/patterns.ts';
import { createIncidentSchema } from '../../src/schema/incident.ts';
import type { SafeguardStatus } from '../../src/schema/safeguard.ts';
import { FIXTURE_ROOT, TEST_NOW } from './corpus.ts';
import { validData } from './record.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';

const schema = createIncidentSchema(() => TEST_NOW);

/** What a fixture incident varies from the valid fixture record. */
export interface IncidentShape {
  start: string;
  duration?: string;
  involvement?: 'tooling' | 'assisted' | 'agent';
  causes: string[];
  safeguards: [kind: string, status: SafeguardStatus][];
  severity: 'low' | 'moderate' | 'high' | 'critical';
  dataLoss?: 'none' | 'partial' | 'total' | 'unknown';
  /** Keep the fixture's disputed claim; otherwise the record has none. */
  contested?: boolean;
  related?: string[];
  organizations?: [id: string, role: 'operator' | 'vendor' | 'customer' | 'reporter' | 'regulator'][];
}

/** A record built from the valid fixture and parsed through the real schema and its rules. */
export function fixtureIncident(id: string, shape: IncidentShape): IncidentRecord {
  const data = validData();
  data.occurred = { start: shape.start };
  delete data.reported;
  if (shape.duration) data.duration = shape.duration;
  else delete data.duration;
  data.timeline = [{ at: shape.start, event: 'It happened.', kind: 'trigger', sources: ['operator-postmortem'] }];
  if (shape.involvement) data.automation = { involvement: shape.involvement, tool: `Tool of ${id}` };
  else delete data.automation;
  data.cause.categories = shape.causes;
  data.safeguards = shape.safeguards.map(([kind, status]) => ({ kind, status, description: `${kind} ${status}.`, sources: ['operator-postmortem'] }));
  data.impact.severity = shape.severity;
  data.impact.data_loss = shape.dataLoss ?? 'none';
  if (!shape.contested) data.claims = [];
  if (shape.related) data.related = shape.related;
  if (shape.organizations) data.organizations = shape.organizations.map(([org, role]) => ({ id: org, role }));
  return { id, data: schema.parse(data) };
}

/** The fixture corpus's taxonomy ids, in file order, as the site reads them. */
export function fixtureTaxonomy(): { causes: string[]; safeguards: string[] } {
  const corpus = loadCorpus({ root: FIXTURE_ROOT, now: () => TEST_NOW });
  return { causes: corpus.causes.map((term) => term.id), safeguards: corpus.safeguards.map((term) => term.id) };
}

/**
 * Five incidents with features chosen so every aggregate has a known answer (worked out by hand
 * in the tests). Ids say what each is.
 */
export function fixtureCollection(): IncidentRecord[] {
  return [
    fixtureIncident('a-agent-2024', {
      start: '2024-03', duration: 'PT3H', involvement: 'agent', severity: 'high', dataLoss: 'partial', contested: true,
      causes: ['agent-destructive-action', 'excess-privilege'],
      safeguards: [['human-approval', 'bypassed'], ['least-privilege', 'added']],
      organizations: [['example-cloud', 'operator'], ['example-news', 'reporter']],
    }),
    fixtureIncident('b-agent-2024', {
      start: '2024-07', duration: 'P2D', involvement: 'agent', severity: 'critical', dataLoss: 'total',
      causes: ['agent-destructive-action', 'excess-privilege', 'inadequate-backup'],
      safeguards: [['human-approval', 'bypassed'], ['backup-restore', 'failed'], ['least-privilege', 'added']],
      organizations: [['example-cloud', 'operator']],
    }),
    fixtureIncident('c-operator-2022', {
      start: '2022', duration: 'PT20M', severity: 'moderate',
      causes: ['operator-input'],
      safeguards: [['human-approval', 'held'], ['backup-restore', 'added']],
      organizations: [['example-news', 'operator']],
    }),
    fixtureIncident('d-tooling-2022', {
      start: '2022-05', involvement: 'tooling', severity: 'high', related: ['c-operator-2022'],
      causes: ['operator-input', 'inadequate-backup'],
      safeguards: [['backup-restore', 'failed'], ['backup-restore', 'added'], ['human-approval', 'absent']],
      organizations: [['example-cloud', 'vendor'], ['example-news', 'customer']],
    }),
    fixtureIncident('e-assisted-2025', {
      start: '2025-01', duration: 'PT45M', involvement: 'assisted', severity: 'low',
      causes: ['excess-privilege'],
      safeguards: [['least-privilege', 'failed'], ['least-privilege', 'recommended']],
      organizations: [['example-cloud', 'operator']],
    }),
  ];
}
