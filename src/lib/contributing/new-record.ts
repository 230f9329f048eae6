import { isDeepStrictEqual } from 'node:util';
import { checkBody } from '../../body/check.ts';
import { textOf } from '../../body/render.ts';
import { Document, isMap, isScalar, isSeq, parse, type Node } from 'yaml';
import type { Involvement } from '../../schema/automation.ts';
import type { DATA_LOSS, Severity } from '../../schema/impact.ts';
import type { OrganizationRole } from '../../schema/organization.ts';
import type { RecordType } from '../../schema/incident-fields.ts';
import type { SOURCE_KINDS } from '../../schema/source.ts';

/**
 * Building a new record from a contributor's answers (`npm run new`). Everything written comes
 * from the answers: nothing is invented, and there are no placeholders to forget. Claims and
 * safeguards start empty (`[]`), which is valid and true until the contributor adds them.
 */

/** A source the contributor has read. */
export interface SourceAnswer {
  id: string;
  title: string;
  publisher: string;
  url: string;
  kind: (typeof SOURCE_KINDS)[number];
  published?: string | number;
  archived?: string;
}

/** An organization file to create because the record names an organization the atlas does not know yet. */
export interface NewOrganization {
  id: string;
  name: string;
  url?: string;
}

export interface NewRecordAnswers {
  /** The record id, which is also the file name. */
  id: string;
  title: string;
  summary: string;
  status: 'draft' | 'published';
  start: string | number;
  organizations: { id: string; role: OrganizationRole }[];
  systems: string[];
  severity: Severity;
  impact: string;
  dataLoss: (typeof DATA_LOSS)[number];
  /** Data deleted or destroyed even if restored later; left out when not known. */
  dataDestroyed?: (typeof DATA_LOSS)[number];
  /** incident, or near-miss when the destructive step failed or was caught before harm. */
  type: RecordType;
  /** `none` leaves the automation block out, as the format asks. */
  involvement: Involvement;
  tool?: string;
  trigger: string;
  categories: string[];
  /** The first timeline event, reported by the source. */
  event: { at: string | number; text: string };
  source: SourceAnswer;
}

/** Lowercase kebab-case from free text, at most `maxWords` words: "AWS Cost Explorer outage" → "aws-cost-explorer-outage". */
export function kebab(text: string, maxWords = 6): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/** `<yyyy>-<mm>-<name>` from the start date (`<yyyy>-<name>` when only the year is known). */
export function recordId(start: string | number, name: string): string {
  const [year, month] = String(start).split(/[-T]/);
  return [year, month, kebab(name, 8)].filter(Boolean).join('-');
}

/** Collapses runs of whitespace, so one-line answers stay on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A year alone is written as a number, as every other record writes it. */
function dateValue(value: string | number): string | number {
  return typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value;
}

const FLOW_KEYS = new Set(['systems', 'categories', 'sources']);
const LONG_TEXT = 90;

/** Styles the YAML as records are written by hand: short lists inline, long prose folded with `>-`. */
function style(node: unknown, key?: string): void {
  if (isMap(node)) {
    for (const pair of node.items) style(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
  } else if (isSeq(node)) {
    if (key && FLOW_KEYS.has(key) && node.items.every(isScalar)) node.flow = true;
    for (const item of node.items) {
      // Organization references read best as `- { id: x, role: operator }`.
      if (key === 'organizations' && isMap(item)) item.flow = true;
      style(item, key);
    }
  } else if (isScalar(node) && typeof node.value === 'string' && node.value.length > LONG_TEXT) {
    node.type = 'BLOCK_FOLDED';
  }
}

function yamlText(data: object): string {
  const doc = new Document(data);
  style(doc.contents as Node);
  const text = doc.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
  // Lists read `[a, b]` and mappings `- { id: x, role: y }`, as in the hand-written records;
  // kept only if the text still reads back as the same data (a folded line could look alike).
  const padded = text.replace(/^( {2}- )\{(id: .*)\}$/gm, '$1{ $2 }');
  return isDeepStrictEqual(parse(padded), parse(text)) ? padded : text;
}

/** The frontmatter data of the new record, in the order of the record format. */
export function recordData(answers: NewRecordAnswers): Record<string, unknown> {
  const { source } = answers;
  const automation = answers.involvement === 'none' ? undefined : { involvement: answers.involvement, ...(answers.tool ? { tool: answers.tool } : {}) };
  return {
    title: answers.title,
    summary: answers.summary,
    status: answers.status,
    type: answers.type,
    occurred: { start: dateValue(answers.start) },
    organizations: answers.organizations.map(({ id, role }) => ({ id, role })),
    systems: answers.systems,
    impact: { severity: answers.severity, summary: answers.impact, data_loss: answers.dataLoss, ...(answers.dataDestroyed ? { data_destroyed: answers.dataDestroyed } : {}) },
    ...(automation ? { automation } : {}),
    cause: { trigger: answers.trigger, categories: answers.categories },
    timeline: [{ at: dateValue(answers.event.at), event: answers.event.text, sources: [source.id] }],
    claims: [],
    safeguards: [],
    sources: [
      {
        id: source.id,
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        ...(source.published !== undefined ? { published: dateValue(source.published) } : {}),
        kind: source.kind,
        ...(source.archived ? { archived: source.archived } : {}),
      },
    ],
  };
}

/**
 * Escapes one line of text so MDX reads it as plain text: no emphasis, code, links, components,
 * expressions, entities or autolinked e-mail addresses, and no block syntax at the line's start.
 */
export function escapeMdxText(text: string): string {
  return text.replace(/[\\`*_{}[\]<&~@]/g, (char) => `\\${char}`).replace(/^([#>+=-]|\d+(?=[.)]))/, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/**
 * The start of the account: the summary, cited to the source it came from. GFM turns e-mail
 * addresses into mailto: links whatever the escaping, and bodies may not link there; a summary
 * that cannot be written as plain text is left for the contributor to write instead.
 */
export function accountStart(summary: string, sourceId: string): string {
  const paragraph = escapeMdxText(summary);
  const checked = checkBody(`${paragraph}\n`, new Set());
  const [only] = checked.tree?.children ?? [];
  const plain = checked.problems.length === 0 && checked.tree?.children?.length === 1 && only?.type === 'paragraph' && textOf(only) === summary;
  return plain ? `## What happened\n\n${paragraph} <Cite ids="${sourceId}" />\n` : '## What happened\n';
}

/** The whole record file: frontmatter, then the summary as the first paragraph of the account. */
export function buildRecordText(answers: NewRecordAnswers): string {
  return `---\n${yamlText(recordData(answers))}---\n\n${accountStart(answers.summary, answers.source.id)}`;
}

/** `content/organizations/<id>.yaml` for an organization the atlas does not know yet. */
export function buildOrganizationText(organization: NewOrganization): string {
  return yamlText({ name: organization.name, ...(organization.url ? { url: organization.url } : {}) });
}
