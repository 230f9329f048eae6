import { checkBody } from '../body/check.ts';
import type { BodyNode } from '../body/mdast.ts';
import type { InternalLink } from '../body/rules/types.ts';
import type { createIncidentSchema, Incident } from '../schema/incident.ts';
import { sourceCitations } from '../schema/rules/source-references.ts';
import type { Problem } from '../core/diagnostic.ts';
import { splitFrontmatter } from './split-frontmatter.ts';
import { locate, parseStrictYaml, type PositionIndex } from './strict-yaml.ts';
import { unsafeYamlStrings } from './decoded-text.ts';
import { zodProblems } from './zod-problems.ts';

export interface CheckedIncident {
  data?: Incident;
  tree?: BodyNode;
  body: string;
  positions: PositionIndex;
  problems: Problem[];
  /** The body's links within the site and its heading ids, for the checks that know the whole site. */
  links?: BodyLinks;
}

/** What the cross-record checks need of a body to resolve its links. */
export interface BodyLinks {
  internal: InternalLink[];
  headingIds: string[];
}

/**
 * Checks one record's text in a single pass: frontmatter fences, strict YAML, the schema
 * with its record rules, the MDX body (parsed, never run), and that every source is cited.
 */
export function checkIncidentText(text: string, schema: ReturnType<typeof createIncidentSchema>): CheckedIncident {
  const split = splitFrontmatter(text);
  if (!('yaml' in split)) return { body: '', positions: new Map<string, { line: number; column: number }>(), problems: [split] };
  const yaml = parseStrictYaml(split.yaml, split.yamlFirstLine);
  if (yaml.problems.length) return { body: split.body, positions: yaml.positions, problems: yaml.problems };
  const unsafe = unsafeYamlStrings(yaml.data, yaml.positions);
  if (unsafe.length) return { body: split.body, positions: yaml.positions, problems: unsafe };
  const parsed = schema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, yaml.positions, undefined, yaml.data);
    const early = closedEarly(split.body, split.closingLine, problems);
    return { body: split.body, positions: yaml.positions, problems: early ? [early, ...problems] : problems };
  }
  const data = parsed.data;
  const body = checkBody(split.body, new Set(data.sources.map((s) => s.id)));
  // What a body that could not be read cites is unknown: its own problem is the one to report.
  const problems = [...body.problems, ...(body.complete ? uncitedSources(data, body.cited, yaml.positions) : [])];
  const links = { internal: body.internalLinks, headingIds: body.headingIds };
  return { data, ...(body.tree ? { tree: body.tree } : {}), body: split.body, positions: yaml.positions, problems, links };
}

/**
 * A `---` line inside the frontmatter (in a block of text, say) closes it there, and the fields
 * after it land in the body: point at that line rather than only at the fields gone missing.
 */
function closedEarly(body: string, closingLine: number, problems: Problem[]): Problem | undefined {
  const missing = new Set(problems.filter((p) => p.message === 'is required' && !p.field.includes('.')).map((p) => p.field));
  if (!missing.size) return undefined;
  const lines = body.split('\n');
  for (let index = closingLine; index < lines.length; index++) {
    const key = /^([a-z_]+):(?:\s|$)/.exec(lines[index]!)?.[1];
    if (key && missing.has(key)) {
      return { line: closingLine, column: 1, field: 'file', message: `this --- line closes the frontmatter, but the field "${key}" follows it on line ${index + 1}; a line of --- inside the frontmatter (in a block of text, say) ends it early: indent it, or write it differently` };
    }
  }
  return undefined;
}

/** Sources listed but cited nowhere — not in the frontmatter and not by <Cite> in the body. */
function uncitedSources(data: Incident, citedInBody: Set<string>, positions: PositionIndex): Problem[] {
  const cited = new Set(citedInBody);
  for (const { ids } of sourceCitations(data)) ids.forEach((id) => cited.add(id));
  return data.sources.flatMap((source, index) =>
    cited.has(source.id)
      ? []
      : [{ ...locate(positions, ['sources', index, 'id']), field: `sources.${index}.id`, message: `source "${source.id}" is never cited; cite it or remove it` }],
  );
}
