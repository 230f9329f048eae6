/**
 * Synthetic incident records for the benchmark and for tests: valid, deterministic, and of
 * realistic size (about 50 lines of frontmatter and 550 words of body, with <Cite>, <Aside>,
 * lists and links). Pure: the caller supplies the vocabularies and writes the files.
 */
import { walk, type BodyNode } from '../../src/body/mdast.ts';

/** What synthetic records draw from, taken from a real content folder. */
export interface SyntheticVocabulary {
  /** Cause category ids (content/taxonomy/causes.yaml). */
  causes: readonly string[];
  /** Safeguard kind ids (content/taxonomy/safeguards.yaml). */
  safeguards: readonly string[];
  /** Organization ids (content/organizations/). */
  organizations: readonly string[];
  /** Running text as a list of words, so that drawing from it keeps their natural frequencies. */
  words: readonly string[];
}

export interface SyntheticRecord {
  id: string;
  /** The whole `.mdx` file: frontmatter and body. */
  text: string;
}

/** A seeded source of randomness: the same seed gives the same sequence. */
export interface Random {
  /** A number in [0, 1). */
  next: () => number;
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number;
  pick: <T>(list: readonly T[]) => T;
  /** An item favouring the start of the list, as real vocabularies favour a few common terms. */
  skewed: <T>(list: readonly T[]) => T;
  /** Up to `count` distinct items. */
  distinct: <T>(list: readonly T[], count: number, draw?: (list: readonly T[]) => T) => T[];
  chance: (probability: number) => boolean;
}

/** mulberry32: small, fast and good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(next() ** 2 * list.length)]!;
  const distinct = <T>(list: readonly T[], count: number, draw: (list: readonly T[]) => T = pick): T[] => {
    const chosen = new Set<T>();
    for (let tries = 0; chosen.size < Math.min(count, list.length) && tries < count * 20; tries++) chosen.add(draw(list));
    return [...chosen];
  };
  return { next, int, pick, skewed, distinct, chance: (p) => next() < p };
}

/** The vocabularies of a checked corpus: its taxonomy and organization ids, and the words of its record bodies. */
export function vocabularyOf(corpus: {
  causes: readonly { id: string }[];
  safeguards: readonly { id: string }[];
  organizations: ReadonlyMap<string, unknown>;
  incidents: readonly { tree: BodyNode }[];
}): SyntheticVocabulary {
  const texts: string[] = [];
  for (const { tree } of corpus.incidents) walk(tree, (node) => void (node.type === 'text' && texts.push(node.value ?? '')));
  return {
    causes: corpus.causes.map((term) => term.id),
    safeguards: corpus.safeguards.map((term) => term.id),
    organizations: [...corpus.organizations.keys()],
    words: wordsOf(texts),
  };
}

/**
 * The words of some Markdown or MDX prose, in order and with repeats, leaving out tags, link
 * targets and code: letters and inner apostrophes only, so they are safe in YAML and MDX.
 */
export function wordsOf(texts: Iterable<string>): string[] {
  const words: string[] = [];
  for (const text of texts) {
    const prose = text.replace(/<[^>]*>|\]\([^)]*\)|`[^`]*`|https?:\/\/\S+/g, ' ');
    for (const match of prose.matchAll(/[A-Za-z]+(?:'[a-z]+)?/g)) words.push(match[0]);
  }
  return words;
}

const SYLLABLES = 'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu'.split(' ');

/** A made-up word of two to four syllables: product names and jargon, the long tail of a real vocabulary. */
export function coinWord(random: Random): string {
  return Array.from({ length: random.int(2, 4) }, () => random.pick(SYLLABLES)).join('');
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Earliest and latest start of a synthetic incident: always in the past. */
const FIRST = Date.UTC(2008, 0, 1);
const LAST = Date.UTC(2025, 5, 30);
const MINUTE = 60_000;
const DAY = 86_400_000;

function recordRandom(index: number, seed: number): Random {
  return createRandom(Math.imul(seed ^ 0x9e3779b9, 2654435761) ^ Math.imul(index + 1, 0x85ebca6b));
}

/** The start instant of record `index`, the first thing its random sequence decides (so ids can be computed alone). */
function startOf(random: Random): number {
  return FIRST + Math.floor((random.next() * (LAST - FIRST)) / MINUTE) * MINUTE;
}

/** The id of synthetic record `index`: `<yyyy>-<mm>-synthetic-<index>`. */
export function syntheticId(index: number, seed = 1): string {
  const start = new Date(startOf(recordRandom(index, seed)));
  return `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-synthetic-${pad(index, 5)}`;
}

type Precision = 'month' | 'day' | 'minute';

function formatDate(instant: number, precision: Precision): string {
  const d = new Date(instant);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  if (precision === 'month') return day;
  const date = `${day}-${pad(d.getUTCDate())}`;
  return precision === 'day' ? date : `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}Z`;
}

function isoDuration(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  return `P${d ? `${d}D` : ''}${h || m ? 'T' : ''}${h ? `${h}H` : ''}${m ? `${m}M` : ''}`;
}

/** Draws prose from the vocabulary, with an occasional coined word for the long tail. */
function writer(random: Random, words: readonly string[]) {
  const word = () => (random.chance(1 / 80) ? coinWord(random) : random.pick(words));
  const phrase = (min: number, max: number) => {
    let text = word();
    for (let n = random.int(min, max) - 1; n > 0; n--) text += ` ${word()}`;
    return text;
  };
  const sentence = (min = 8, max = 18) => `${capitalize(phrase(min, max))}.`;
  const sentences = (count: number, min?: number, max?: number) => Array.from({ length: count }, () => sentence(min, max)).join(' ');
  const name = () => capitalize(coinWord(random));
  const slug = () => `${word().toLowerCase().replace(/'/g, '')}-${word().toLowerCase().replace(/'/g, '')}`;
  return { word, phrase, sentence, sentences, name, slug };
}

/** Cuts text to at most `max` characters at a word boundary. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, text.lastIndexOf(' ', max)).replace(/[\s']+$/, '');
}

/** Wraps prose at about 100 characters, each line after the first indented as given. */
function wrap(text: string, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 100) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}

const ROLES = ['operator', 'vendor', 'customer', 'reporter', 'regulator'] as const;
/** Ordered most common first, for `skewed` draws. */
const SEVERITIES = ['moderate', 'high', 'low', 'critical'] as const;
const DATA_LOSS = ['none', 'partial', 'total', 'unknown'] as const;
const INVOLVEMENTS = ['none', 'tooling', 'assisted', 'agent'] as const;
const EVENT_KINDS = ['detection', 'response', 'recovery'] as const;
const SAFEGUARD_STATUSES = ['held', 'failed', 'bypassed', 'absent', 'added', 'recommended'] as const;
const SOURCE_KINDS = ['postmortem', 'statement', 'regulator', 'first-hand', 'news', 'analysis'] as const;
const CLAIM_STATUSES = ['disputed', 'denied', 'unverified', 'confirmed'] as const;
const ASIDE_KINDS = ['note', 'warning', 'lesson'] as const;

/**
 * Synthetic record number `index` (0-based). It may relate to records with a lower index of the
 * same seed, so any prefix 0…n−1 of the sequence is a valid corpus on its own.
 */
/** Titles must say what failed in 20 characters or more; a short draw of words gets its number added. */
function atLeastTwentyCharacters(title: string, index: number): string {
  return title.length >= 20 ? title : `${title}, synthetic record ${index + 1}`;
}

export function syntheticRecord(index: number, vocabulary: SyntheticVocabulary, seed = 1): SyntheticRecord {
  const random = recordRandom(index, seed);
  const start = startOf(random);
  const id = syntheticId(index, seed);
  const w = writer(random, vocabulary.words);

  const precision: Precision = random.pick(['month', 'day', 'day', 'minute', 'minute', 'minute']);
  const durationMs = random.int(10, 60 * 48) * MINUTE;
  const end = precision === 'minute' && random.chance(0.6) ? start + durationMs : undefined;
  const reportedAt = start + random.int(1, 60) * DAY;
  const sourceIds = Array.from({ length: random.int(2, 3) }, (_, i) => `${w.slug()}-${i + 1}`);
  const cite = () => random.distinct(sourceIds, random.int(1, 2));
  const flow = (ids: string[]) => `[${ids.join(', ')}]`;

  const organizations = random.distinct(vocabulary.organizations, random.int(1, 3), random.skewed);
  const lines: string[] = [
    `title: ${clip(atLeastTwentyCharacters(capitalize(w.phrase(6, 11)), index), 140)}`,
    'summary: >-',
    `  ${wrap(clip(w.sentences(2, 12, 18), 600), '  ')}`,
    'status: published',
    'occurred:',
    `  start: ${formatDate(start, precision)}`,
  ];
  if (end !== undefined) lines.push(`  end: ${formatDate(end, 'minute')}`);
  if (end !== undefined || random.chance(0.5)) lines.push(`duration: ${isoDuration(durationMs)}`);
  lines.push(`reported: ${formatDate(reportedAt, 'day')}`, 'organizations:');
  organizations.forEach((org, i) => lines.push(`  - { id: ${org}, role: ${i === 0 ? 'operator' : random.pick(ROLES)} }`));
  lines.push(`systems: [${Array.from({ length: random.int(1, 3) }, () => `${w.name()} ${capitalize(w.word())}`).join(', ')}]`);
  if (random.chance(0.5)) lines.push(`regions: [${w.name()}]`);
  lines.push('impact:', `  severity: ${random.skewed(SEVERITIES)}`, `  summary: ${w.sentence()}`, `  data_loss: ${random.skewed(DATA_LOSS)}`);
  if (random.chance(0.5)) lines.push(`  people_affected: ${random.int(10, 5_000_000)}`);
  const involvement = random.pick(INVOLVEMENTS);
  if (involvement !== 'none' || random.chance(0.5)) {
    lines.push('automation:', `  involvement: ${involvement}`);
    if (involvement !== 'none') lines.push(`  tool: ${w.name()}`, `  requested: ${w.sentence(5, 10)}`, `  performed: ${w.sentence(5, 12)}`);
  }
  lines.push('cause:', `  trigger: ${w.sentence()}`, `  categories: ${flow(random.distinct(vocabulary.causes, random.int(1, 3), random.skewed))}`);
  if (random.chance(0.7)) {
    lines.push('  contributing:');
    for (let i = random.int(1, 3); i > 0; i--) lines.push(`    - ${w.sentence(8, 14)}`);
  }

  lines.push('timeline:');
  const events: { at: string; kind: string }[] = [{ at: formatDate(start, precision), kind: 'trigger' }];
  let at = start;
  for (let i = random.int(0, 2); i > 0; i--) {
    at += random.int(5, 240) * MINUTE;
    events.push({ at: precision === 'minute' ? formatDate(at, 'minute') : formatDate(start, precision), kind: random.pick(EVENT_KINDS) });
  }
  events.push({ at: formatDate(reportedAt, 'day'), kind: 'disclosure' });
  for (const event of events) {
    lines.push(`  - at: ${event.at}`, `    event: ${w.sentence(10, 20)}`);
    if (random.chance(0.6)) lines.push(`    kind: ${event.kind}`);
    lines.push(`    sources: ${flow(cite())}`);
  }

  const claimCount = random.pick([0, 0, 0, 1, 1, 2]);
  lines.push(claimCount ? 'claims:' : 'claims: []');
  for (let i = 0; i < claimCount; i++) {
    const status = random.pick(CLAIM_STATUSES);
    lines.push(`  - id: claim-${i + 1}`, `    statement: ${w.sentence()}`, `    status: ${status}`, '    asserted_by:', `      - party: ${w.name()} ${capitalize(w.word())}`, `        sources: ${flow(cite())}`);
    if (status === 'disputed' || status === 'denied') {
      lines.push('    disputed_by:', `      - party: ${w.name()}`, `        position: ${w.sentence()}`, `        sources: ${flow(cite())}`);
    }
  }

  lines.push('safeguards:');
  for (const kind of random.distinct(vocabulary.safeguards, random.int(1, 2), random.skewed)) {
    lines.push(`  - kind: ${kind}`, `    status: ${random.pick(SAFEGUARD_STATUSES)}`, `    description: ${w.sentence()}`, `    sources: ${flow(cite())}`);
  }

  lines.push('sources:');
  sourceIds.forEach((sourceId, i) => {
    const published = formatDate(reportedAt + i * DAY, 'day');
    lines.push(
      `  - id: ${sourceId}`,
      `    title: ${capitalize(w.phrase(5, 10))}`,
      `    publisher: ${w.name()} ${capitalize(w.word())}`,
      `    url: https://www.${w.slug()}.com/${published.slice(0, 4)}/${sourceId}`,
      `    kind: ${random.pick(SOURCE_KINDS)}`,
    );
    if (random.chance(0.5)) lines.push(`    published: ${published}`);
  });

  const related = index > 0 && random.chance(0.4) ? [...new Set(Array.from({ length: random.int(1, 2) }, () => syntheticId(random.int(0, index - 1), seed)))] : [];
  if (related.length) lines.push(`related: ${flow(related)}`);
  lines.push(`tags: ${flow([...new Set(Array.from({ length: random.int(2, 4) }, () => w.slug()))])}`);

  return { id, text: `---\n${lines.join('\n')}\n---\n\n${syntheticBody(random, w, sourceIds)}` };
}

/** About 550 words in four sections, citing every source at least once. */
function syntheticBody(random: Random, w: ReturnType<typeof writer>, sourceIds: readonly string[]): string {
  const uncited = [...sourceIds];
  const citeTag = () => {
    const ids = uncited.length ? [uncited.shift()!] : random.distinct(sourceIds, random.int(1, 2));
    return `<Cite ids="${ids.join(' ')}" />`;
  };
  const link = () => `[${w.phrase(2, 4)}](https://www.${w.slug()}.org/${w.slug()})`;
  const paragraph = (count: number, withLink = random.chance(0.4)) => {
    const parts = Array.from({ length: count }, () => w.sentence(11, 20));
    if (withLink) parts.splice(random.int(0, count - 1), 0, `${capitalize(w.phrase(3, 6))} ${link()} ${w.phrase(2, 5)}.`);
    if (random.chance(0.4)) parts.push(`It reported **${w.phrase(2, 4)}** and \`${w.word().toLowerCase()}\`.`);
    return `${wrap(parts.join(' '))} ${citeTag()}`;
  };
  const list = (count: number, bold: boolean) =>
    Array.from({ length: count }, () => `- ${bold ? `**${capitalize(w.phrase(3, 6))}.** ` : ''}${wrap(w.sentence(10, 20), '  ')}`).join('\n');
  const aside = random.pick(ASIDE_KINDS);
  const sections = [
    `## What happened\n\n${paragraph(5, true)}\n\n${paragraph(4)}`,
    `## Why it happened\n\n${paragraph(4)}\n\n<Aside kind="${aside}" title="${capitalize(w.phrase(2, 5))}">\n\n${paragraph(3)}\n\n</Aside>`,
    `## What changed\n\n${paragraph(4)}\n\n${list(random.int(2, 4), false)}`,
    `## Lessons\n\n${list(3, true)}\n\n${paragraph(2)}`,
  ];
  // Any source not yet cited is cited at the end, so every listed source is used.
  const rest = uncited.length ? `\n\n${w.sentence()} <Cite ids="${uncited.join(' ')}" />` : '';
  return `${sections.join('\n\n')}${rest}\n`;
}
