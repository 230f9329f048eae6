import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom, syntheticId, syntheticRecord, vocabularyOf, wordsOf, type SyntheticVocabulary } from '../../scripts/bench/synthetic.ts';
import { splitFrontmatter } from '../../src/validate/split-frontmatter.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';
import { FIXTURE_ROOT, loadWithRecords, TEST_NOW } from '../support/corpus.ts';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const fixtureVocabulary = vocabularyOf(loadCorpus({ root: FIXTURE_ROOT, now: () => TEST_NOW }));

function records(count: number, vocabulary: SyntheticVocabulary, seed = 1): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => syntheticRecord(i, vocabulary, seed)).map(({ id, text }) => [`${id}.mdx`, text]));
}

describe('seeded randomness', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const random = createRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('distinct() never repeats an item', () => {
    const random = createRandom(5);
    for (let i = 0; i < 50; i++) {
      const chosen = random.distinct(['a', 'b', 'c', 'd'], 3);
      expect(new Set(chosen).size).toBe(chosen.length);
    }
  });
});

describe('wordsOf', () => {
  it('keeps the words of prose in order, leaving out tags, link targets, code and URLs', () => {
    expect(wordsOf(['The agent\'s plan. <Cite ids="ft-report" /> See [the post](https://example.org/x) and `rm -rf`, or https://a.example/b.'])).toEqual([
      'The', 'agent\'s', 'plan', 'See', 'the', 'post', 'and', 'or',
    ]);
  });
});

describe('synthetic records', () => {
  it('are deterministic for an index and seed, and differ between indexes and seeds', () => {
    expect(syntheticRecord(4, fixtureVocabulary)).toEqual(syntheticRecord(4, fixtureVocabulary));
    expect(syntheticRecord(4, fixtureVocabulary).text).not.toBe(syntheticRecord(5, fixtureVocabulary).text);
    expect(syntheticRecord(4, fixtureVocabulary, 2).text).not.toBe(syntheticRecord(4, fixtureVocabulary).text);
  });

  it('have ids of the record form that syntheticId predicts', () => {
    const { id } = syntheticRecord(12, fixtureVocabulary);
    expect(id).toBe(syntheticId(12));
    expect(id).toMatch(/^\d{4}-\d{2}-synthetic-00012$/);
  });

  it('pass the real validator against the fixture vocabulary', () => {
    const corpus = loadWithRecords(records(60, fixtureVocabulary));
    expect(corpus.diagnostics).toEqual([]);
    expect(corpus.incidents.filter((incident) => incident.id.includes('synthetic'))).toHaveLength(60);
  });

  it('give every record a title of 20 characters or more, across as many records as a bench run writes', () => {
    // Validating 2,000 records here would be slow; the title is the rule a short draw of words can break.
    // The bench's own draw: the project's vocabulary and seed 1.
    const vocabulary = vocabularyOf(loadCorpus({ root: PROJECT_ROOT }));
    const titles = Object.values(records(2000, vocabulary, 1)).map((text) => /^title: (.*)$/m.exec(text)![1]!);
    expect(titles.filter((title) => title.length < 20)).toEqual([]);
  });

  it('pass the real validator against the project content, drawing on its whole vocabulary', () => {
    const vocabulary = vocabularyOf(loadCorpus({ root: PROJECT_ROOT }));
    const generated = records(150, vocabulary, 9);
    const corpus = loadWithRecords(generated, PROJECT_ROOT);
    expect(corpus.diagnostics).toEqual([]);
    const synthetic = corpus.incidents.filter((incident) => incident.id.includes('synthetic'));
    expect(synthetic).toHaveLength(150);
    // A realistic spread: most causes, safeguards and organizations appear, none only once by construction.
    const used = (pick: (data: (typeof synthetic)[number]['data']) => string[]) => new Set(synthetic.flatMap((incident) => pick(incident.data)));
    expect(used((d) => d.cause.categories).size).toBeGreaterThan(vocabulary.causes.length * 0.6);
    expect(used((d) => d.safeguards.map((s) => s.kind)).size).toBeGreaterThan(vocabulary.safeguards.length * 0.6);
    expect(used((d) => d.organizations.map((o) => o.id)).size).toBeGreaterThan(vocabulary.organizations.length * 0.5);
    expect(synthetic.some((incident) => incident.data.related?.length)).toBe(true);
    expect(synthetic.some((incident) => incident.data.claims.some((claim) => claim.status === 'disputed'))).toBe(true);
  });

  it('have the size and shape of a real record: about 50–80 lines of frontmatter, 550 words, components, lists and links', () => {
    const texts = Object.values(records(40, fixtureVocabulary));
    const split = texts.map((text) => splitFrontmatter(text)).filter((s) => 'yaml' in s);
    const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const lines = average(split.map((s) => s.yaml.split('\n').length));
    const words = average(split.map((s) => s.body.replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean).length));
    expect(lines).toBeGreaterThan(45);
    expect(lines).toBeLessThan(85);
    expect(words).toBeGreaterThan(450);
    expect(words).toBeLessThan(650);
    for (const { body } of split) {
      expect(body).toMatch(/<Cite ids="[^"]+" \/>/);
      expect(body).toMatch(/<Aside kind="(note|warning|lesson)" title="[^"]+">/);
      expect(body).toMatch(/^- /m);
      expect(body).toMatch(/\]\(https:\/\//);
      expect(body).toMatch(/^## /m);
    }
  });
});
