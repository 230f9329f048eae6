import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../src/body/render.ts';
import { wordCount } from '../../src/lib/record/incident.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';

// The bar every published record of the real corpus must meet (the countable parts of it).
const corpus = loadCorpus({ root: join(import.meta.dirname, '..', '..') });
const published = corpus.incidents.filter((incident) => incident.data.status === 'published');

/** Records the atlas must hold: the AI-agent incidents and the classic postmortems. */
const REQUIRED = [
  '2025-12-aws-cost-explorer-kiro', '2026-03-amazon-retail-outages', '2025-07-replit-saastr-database-deletion',
  '2025-07-gemini-cli-file-loss', '2025-12-google-antigravity-drive-wipe', '2026-04-cursor-railway-pocketos-database-deletion',
  '2025-10-claude-code-rm-rf-home-directory', '2017-01-gitlab-database-deletion', '2017-02-aws-s3-us-east-1',
  '2022-04-atlassian-site-deletion', '2019-07-cloudflare-waf-regex', '2025-11-cloudflare-bot-management-file',
  '2024-07-crowdstrike-channel-file-291', '2021-10-facebook-backbone-outage', '2025-10-aws-us-east-1-dynamodb-dns',
  '2025-06-google-cloud-service-control',
];

describe('the published corpus', () => {
  it('is sound and holds at least 100 records, including every required one', () => {
    expect(corpus.diagnostics).toEqual([]);
    expect(published.length).toBeGreaterThanOrEqual(100);
    expect(published.map((incident) => incident.id)).toEqual(expect.arrayContaining(REQUIRED));
  });

  describe.each(published.map((incident) => [incident.id, incident] as const))('%s', (_id, { data, tree }) => {
    it('has a timeline of at least three events', () => expect(data.timeline.length).toBeGreaterThanOrEqual(3));
    it('has at least three sources, each with publisher and kind', () => {
      expect(data.sources.length).toBeGreaterThanOrEqual(3);
      for (const source of data.sources) expect(source.publisher && source.kind).toBeTruthy();
    });
    it('names its cause with contributing factors', () => {
      expect(data.cause.categories.length).toBeGreaterThan(0);
      expect(data.cause.contributing?.length ?? 0).toBeGreaterThan(0);
    });
    it('records at least one safeguard', () => expect(data.safeguards.length).toBeGreaterThan(0));
    it('describes the automation when an agent or AI assistant took part', () => {
      if (data.automation && data.automation.involvement !== 'none') {
        expect(data.automation.tool ?? data.automation.performed).toBeTruthy();
      }
    });
    it('has a body of at least 300 words', () => expect(wordCount(textOf(tree))).toBeGreaterThanOrEqual(300));
  });

  it('holds at least 25 records where an AI agent acted or AI assisted', () => {
    const ai = published.filter((incident) => incident.data.automation?.involvement === 'agent' || incident.data.automation?.involvement === 'assisted');
    expect(ai.length).toBeGreaterThanOrEqual(25);
  });

  it('AI-agent records carry claims, since their accounts are contested or single-sourced', () => {
    for (const incident of published.filter((i) => i.data.automation?.involvement === 'agent')) {
      expect(incident.data.claims.length, incident.id).toBeGreaterThan(0);
    }
  });
});
