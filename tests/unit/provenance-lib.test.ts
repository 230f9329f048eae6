import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecordHistory } from '../../src/build/record-history.ts';
import { trackingParameters } from '../../src/core/tracking-parameters.ts';
import { compareColumn } from '../../src/lib/analysis/compare.ts';
import { buildPatterns } from '../../src/lib/analysis/patterns.ts';
import { sharedPublishers, sharedSources } from '../../src/lib/analysis/shared-sources.ts';
import { plainCitation } from '../../src/lib/exports/citation.ts';
import { crosswalkTable, dataTables, tableCsv } from '../../src/lib/exports/export-tables.ts';
import { exportIncident } from '../../src/lib/exports/export.ts';
import { atomFeed } from '../../src/lib/exports/feed.ts';
import { recordChanges, recordFeed } from '../../src/lib/exports/record-feed.ts';
import { contestedClassifications } from '../../src/lib/record/contested.ts';
import { linkExternalIds } from '../../src/lib/record/external-ids.ts';
import { EXTERNAL_DATABASES, EXTERNAL_DATABASE_IDS, ExternalIdSchema } from '../../src/schema/external-id.ts';
import { loadWithRecords } from '../support/corpus.ts';
import { NEAR_MISS, provenanceText, WITHDRAWN } from '../support/provenance.ts';

const corpus = loadWithRecords({ [NEAR_MISS]: provenanceText(NEAR_MISS), [WITHDRAWN]: provenanceText(WITHDRAWN) });
const nearMiss = corpus.incidents.find((i) => i.file.endsWith(NEAR_MISS))!;
const withdrawn = corpus.incidents.find((i) => i.file.endsWith(WITHDRAWN))!;
const NO_VERSION = { added: '2024-06-13T09:00:00.000Z', updated: '2024-06-21T09:00:00.000Z', version: null };

describe('tracking parameters', () => {
  it('strips the five found in the corpus and keeps everything else as written', () => {
    const cases: [string, string, string[]][] = [
      ['https://slack.engineering/slacks-outage/?utm_source=rss&utm_medium=rss&utm_campaign=x', 'https://slack.engineering/slacks-outage/', ['utm_source', 'utm_medium', 'utm_campaign']],
      ['https://blog.cloudflare.com/october-2021-facebook-outage/?ref=letters.acacess.com', 'https://blog.cloudflare.com/october-2021-facebook-outage/', ['ref']],
      ['https://www.lastweekinaws.com/blog/x/?ck_subscriber_id=512829374', 'https://www.lastweekinaws.com/blog/x/', ['ck_subscriber_id']],
      ['https://example.org/a?id=3&fbclid=x&page=2#part', 'https://example.org/a?id=3&page=2#part', ['fbclid']],
      ['https://example.org/a?mc_eid=1&GCLID=2', 'https://example.org/a', ['mc_eid', 'GCLID']],
      ['https://example.org/a?referrer=x&reference=y', 'https://example.org/a?referrer=x&reference=y', []],
      ['https://example.org/search?q=utm_source', 'https://example.org/search?q=utm_source', []],
    ];
    for (const [url, clean, found] of cases) expect(trackingParameters(url), url).toEqual({ clean, found });
  });
});

describe('contested classifications', () => {
  it('are the concerns of disputed, denied or unverified claims; a confirmed claim settles its own', () => {
    expect([...contestedClassifications(nearMiss.data)]).toEqual([['cause:agent-destructive-action', ['prompt-origin']], ['automation.involvement', ['prompt-origin']]]);
    const settled = { claims: nearMiss.data.claims.map((c) => ({ ...c, status: 'confirmed' as const })) };
    expect(contestedClassifications(settled).size).toBe(0);
    const unverified = { claims: nearMiss.data.claims.map((c) => ({ ...c, status: 'unverified' as const, concerns: ['type' as const] })) };
    expect(contestedClassifications(unverified).get('type')).toEqual(['prompt-origin', 'release-count']);
  });

  it('are counted apart in the patterns: 2 incidents with the cause, 1 of them contested', () => {
    const records = corpus.incidents.filter((i) => i.data.status === 'published').map(({ id, data }) => ({ id, data }));
    const patterns = buildPatterns(records, { causes: corpus.causes.map((c) => c.id), safeguards: corpus.safeguards.map((s) => s.id) });
    expect(patterns.byCause.get('agent-destructive-action')?.count).toBe(2);
    expect(patterns.contestedBy.get('cause:agent-destructive-action')).toEqual([nearMiss.id]);
    expect(patterns.nearMisses).toEqual([nearMiss.id]);
  });
});

describe('compare columns', () => {
  it('mark a contested classification in its cell and keep its key, so differences still compare', () => {
    const names = { organizations: new Map<string, string>(), causes: new Map(corpus.causes.map((c) => [c.id, c.name])), safeguards: new Map<string, string>() };
    const { cells } = compareColumn({ id: nearMiss.id, data: nearMiss.data }, names);
    expect(cells.causes).toEqual([{ t: 'Destructive action by an AI agent (contested)', k: 'agent-destructive-action' }, { t: 'Excess privilege', k: 'excess-privilege' }]);
    expect(cells.involvement![0]).toMatchObject({ t: 'AI agent (contested)', k: 'agent' });
  });
});

describe('external ids', () => {
  it('accept each database\'s own example and link it to that database', () => {
    for (const db of EXTERNAL_DATABASE_IDS) expect(ExternalIdSchema.safeParse({ db, id: EXTERNAL_DATABASES[db].example }).success, db).toBe(true);
    expect(linkExternalIds(nearMiss.data.external_ids).map((e) => e.url)).toEqual(['https://incidentdatabase.ai/cite/1234/', 'https://www.cve.org/CVERecord?id=CVE-2024-3094', null]);
  });

  it('reject ids of another form', () => {
    for (const [db, id] of [['aiid', '0'], ['aiid', 'AIID-12'], ['oecd-aim', '2025-06-17'], ['atlas', 'AML.T0051'], ['cve', 'cve-2024-3094'], ['ghsa', 'GHSA-aaaa-bbbb-cccc'], ['avid', 'AVID-23-V1']]) {
      expect(ExternalIdSchema.safeParse({ db, id }).success, `${db} ${id}`).toBe(false);
    }
  });

  it('are published in crosswalk.csv, one row each', () => {
    const exported = exportIncident(nearMiss.id, nearMiss.data, '', 'https://atlas.example.org');
    const rows = parse(tableCsv(crosswalkTable, [exported]), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { incident_id: nearMiss.id, db: 'aiid', external_id: '1234', url: 'https://incidentdatabase.ai/cite/1234/' },
      { incident_id: nearMiss.id, db: 'cve', external_id: 'CVE-2024-3094', url: 'https://www.cve.org/CVERecord?id=CVE-2024-3094' },
      { incident_id: nearMiss.id, db: 'void', external_id: '4321', url: '' },
    ]);
  });
});

describe('the exports carry the new fields', () => {
  const vocabulary = { causes: corpus.causes, safeguards: corpus.safeguards, organizationNames: new Map<string, string>() };
  const exported = [nearMiss, withdrawn].map((r) => exportIncident(r.id, r.data, '', 'https://atlas.example.org', NO_VERSION));
  const rows = (file: string) => parse(tableCsv(dataTables(vocabulary).find((t) => t.file === file)!, exported), { columns: true, bom: true }) as Record<string, string>[];

  it('in the JSON: type, data_destroyed, copy_of, concerns, history, corrections, withdrawn and derived.contested', () => {
    const [first, second] = exported;
    expect(first).toMatchObject({ type: 'near-miss', impact: { data_destroyed: 'none' }, derived: { contested: ['cause:agent-destructive-action', 'automation.involvement'] } });
    expect(first!.sources[1]!.copy_of).toEqual({ publisher: 'Example News', url: 'https://news.example.com/extension-wiping-prompt' });
    expect(first!.claims[0]).toMatchObject({ concerns: ['cause:agent-destructive-action', 'automation.involvement'], history: [{ date: '2024-06-12', status: 'unverified', sources: ['news-copy'] }] });
    expect(first!.corrections).toHaveLength(1);
    expect(second).toMatchObject({ status: 'withdrawn', type: 'incident', withdrawn: { reason: 'duplicate', duplicate_of: nearMiss.id } });
  });

  it('in the CSVs', () => {
    expect(rows('incidents.csv').map((r) => [r.status, r.type, r.data_destroyed, r.contested, r.external_ids, r.corrections, r.withdrawn_reason, r.duplicate_of])).toEqual([
      ['published', 'near-miss', 'none', 'cause:agent-destructive-action; automation.involvement', 'aiid:1234; cve:CVE-2024-3094; void:4321', '1', '', ''],
      ['withdrawn', 'incident', '', '', '', '0', 'duplicate', nearMiss.id],
    ]);
    expect(rows('claims.csv')[0]).toMatchObject({ concerns: 'cause:agent-destructive-action; automation.involvement', history: '2024-06-12 unverified' });
    expect(rows('sources.csv')[1]).toMatchObject({ publisher: 'copies.example.net', copy_of_publisher: 'Example News', copy_of_url: 'https://news.example.com/extension-wiping-prompt' });
  });
});

describe('feeds of corrections and claim changes', () => {
  it('lists a record\'s corrections, claim statuses and withdrawal, oldest first', () => {
    const changes = recordChanges(nearMiss.data, NO_VERSION);
    expect(changes.map((c) => [c.key, c.updated])).toEqual([
      ['claim-prompt-origin-1', '2024-06-12T00:00:00.000Z'],
      ['claim-release-count-1', '2024-06-12T00:00:00.000Z'],
      ['correction-1', '2024-06-20T00:00:00.000Z'],
      // The current status is dated by the record's last change: it was set by then.
      ['claim-prompt-origin-2', NO_VERSION.updated],
      ['claim-release-count-2', NO_VERSION.updated],
    ]);
    expect(recordChanges(withdrawn.data, NO_VERSION).map((c) => c.title)).toEqual(['Withdrawn: duplicate']);
    const xml = recordFeed(changes, { id: nearMiss.id, title: nearMiss.data.title, siteName: 'Atlas', siteUrl: 'https://atlas.example.org', license: 'CC BY 4.0', fallbackUpdated: NO_VERSION.added });
    expect(xml).toContain(`<id>https://atlas.example.org/incidents/${nearMiss.id}/#correction-1</id>`);
    expect(xml.indexOf('claim-release-count-2')).toBeLessThan(xml.indexOf('correction-1'));
  });

  it('announces each correction in the site feed as an entry of its own', () => {
    const record = { id: nearMiss.id, title: 'T', summary: 'S', reported: '2024-06-12', categories: [], history: NO_VERSION, corrections: nearMiss.data.corrections! };
    const xml = atomFeed([record], { siteName: 'Atlas', siteUrl: 'https://atlas.example.org', builtAt: '2026-12-01T00:00:00.000Z', license: 'CC BY 4.0' });
    expect(xml).toContain('<title>Correction: T</title>');
    expect(xml).toContain(`<id>https://atlas.example.org/incidents/${nearMiss.id}/#correction-1</id>`);
  });
});

describe('a citation names the record\'s own version', () => {
  const repo = mkdtempSync(join(tmpdir(), 'atlas-version-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, encoding: 'utf8' }).trim();

  it('is the last commit that changed the record\'s file, unchanged by later commits that do not touch it', () => {
    git('init', '-q');
    mkdirSync(join(repo, 'content', 'incidents'), { recursive: true });
    writeFileSync(join(repo, 'content', 'incidents', 'a.mdx'), 'first\n');
    git('add', '-A');
    git('commit', '-qm', 'add a');
    writeFileSync(join(repo, 'content', 'incidents', 'a.mdx'), 'second\n');
    git('commit', '-qam', 'change a');
    const changedA = git('rev-parse', 'HEAD');
    const cite = () => {
      const history = readRecordHistory(repo).get('content/incidents/a.mdx')!;
      return plainCitation({ id: 'a', title: 'A', url: 'https://atlas.example.org/incidents/a/', permalink: `x/${history.version}`, version: history.version!.slice(0, 12), versionDate: history.updated!.slice(0, 10), siteName: 'Atlas' });
    };
    const before = cite();
    expect(before).toContain(`version ${changedA.slice(0, 12)}`);
    writeFileSync(join(repo, 'content', 'incidents', 'b.mdx'), 'other\n');
    writeFileSync(join(repo, 'README.md'), 'unrelated\n');
    git('add', '-A');
    git('commit', '-qm', 'add b and a readme');
    expect(git('rev-parse', 'HEAD')).not.toBe(changedA);
    expect(cite()).toBe(before);
    expect(readRecordHistory(repo).get('content/incidents/b.mdx')?.version).toBe(git('rev-parse', 'HEAD'));
  });

  it('is unknown outside a checkout of its own', () => {
    const plain = mkdtempSync(join(tmpdir(), 'atlas-plain-'));
    try {
      expect(readRecordHistory(plain).size).toBe(0);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('shared sources', () => {
  const source = (id: string, url: string, publisher: string, copyOf?: string) => ({ id, title: `Title ${id}`, publisher, url, kind: 'news' as const, ...(copyOf ? { copy_of: { publisher: copyOf } } : {}) });
  const records = [
    { id: 'a', title: 'A', sources: [source('s1', 'https://Example.org/report/', 'Example News'), source('s2', 'https://copies.example.net/x', 'copies.example.net', 'Example News')] },
    { id: 'b', title: 'B', sources: [source('s1', 'https://example.org/report#part', 'Example News'), source('s3', 'https://other.example/y', 'Other')] },
    { id: 'c', title: 'C', sources: [source('s3', 'https://other.example/z', 'Other')] },
  ];

  it('finds the pages cited by more than one record, whatever the case of the host, a fragment or a trailing slash', () => {
    expect(sharedSources(records).map((s) => [s.url, s.records])).toEqual([['https://Example.org/report/', ['a', 'b']]]);
  });

  it('counts publishers by record, a copy under the original\'s publisher', () => {
    expect(sharedPublishers(records)).toEqual([
      { publisher: 'Example News', sources: 3, records: ['a', 'b'] },
      { publisher: 'Other', sources: 2, records: ['b', 'c'] },
    ]);
  });
});
