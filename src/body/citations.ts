import { citedIds } from './components.ts';
import { walk, type BodyNode } from './mdast.ts';

/**
 * A record's sources are numbered as a reference work numbers them: in the order a reader meets
 * the first citation of each, and every place that cites a source gets an anchor, so the source
 * list can link back to it (↑ a b). The order follows the record page: the account first, then
 * the timeline, claims and safeguards; sources cited nowhere come last, in the record's order.
 */

/** One place on the record page that cites sources: its anchor id and the source ids it cites. */
export interface CitationPlace {
  anchor: string;
  ids: readonly string[];
}

/** The parts of a record that cite sources (structurally, so any record shape with them fits). */
export interface CitingRecord {
  timeline: readonly { sources: readonly string[] }[];
  claims: readonly { id: string; asserted_by: readonly { sources: readonly string[] }[]; disputed_by?: readonly { sources: readonly string[] }[] | undefined }[];
  safeguards: readonly { status: string; sources: readonly string[] }[];
  sources: readonly { id: string }[];
}

export interface SourceCitations {
  /** Source id → its number in the list, from 1. */
  numbers: Map<string, number>;
  /** Source ids in the order they are listed. */
  order: string[];
  /** Source id → the anchors of every place citing it, in reading order. */
  backlinks: Map<string, string[]>;
}

/** The source ids of each `<Cite>` in a body, in document order. */
export function bodyCitations(tree: BodyNode): string[][] {
  const cites: string[][] = [];
  walk(tree, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Cite') {
      const ids = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'ids')?.value;
      cites.push(citedIds(typeof ids === 'string' ? ids : ''));
    }
  });
  return cites;
}

// Anchors are short (each is written twice, at the citation and in the source list), and cannot
// clash with the page's own ids: those never start with "cite-".
/** Anchor of the n-th `<Cite>` of the body (from 0). */
export const bodyCiteAnchor = (index: number) => `cite-b${index}`;
/** Anchor of the citation of the n-th timeline event (from 0). */
export const timelineCiteAnchor = (index: number) => `cite-t${index}`;
/** Anchor of the citation of one side of a claim. */
export const claimCiteAnchor = (claimId: string, side: 'asserted' | 'disputed', index: number) => `cite-${side === 'asserted' ? 'a' : 'd'}${index}-${claimId}`;
/** Anchor of the citation of the n-th safeguard (from 0). */
export const safeguardCiteAnchor = (index: number) => `cite-s${index}`;

/** The order the record page groups safeguards in, by status: what went wrong first. */
export const SAFEGUARD_DISPLAY_ORDER = ['failed', 'bypassed', 'absent', 'held', 'added', 'recommended'] as const;

/** Safeguards with their index in the record, in the order the record page shows them. */
export function safeguardsInDisplayOrder<T extends { status: string }>(safeguards: readonly T[]): { safeguard: T; index: number }[] {
  const rank = (status: string) => (SAFEGUARD_DISPLAY_ORDER as readonly string[]).indexOf(status);
  return safeguards.map((safeguard, index) => ({ safeguard, index })).sort((a, b) => rank(a.safeguard.status) - rank(b.safeguard.status) || a.index - b.index);
}

/** Every place the record page cites sources, in reading order. */
export function citationPlaces(record: CitingRecord, body: readonly (readonly string[])[]): CitationPlace[] {
  return [
    ...body.map((ids, i) => ({ anchor: bodyCiteAnchor(i), ids })),
    ...record.timeline.map((event, i) => ({ anchor: timelineCiteAnchor(i), ids: event.sources })),
    ...record.claims.flatMap((claim) => [
      ...claim.asserted_by.map((side, i) => ({ anchor: claimCiteAnchor(claim.id, 'asserted', i), ids: side.sources })),
      ...(claim.disputed_by ?? []).map((side, i) => ({ anchor: claimCiteAnchor(claim.id, 'disputed', i), ids: side.sources })),
    ]),
    ...safeguardsInDisplayOrder(record.safeguards).map(({ safeguard, index }) => ({ anchor: safeguardCiteAnchor(index), ids: safeguard.sources })),
  ];
}

/** Numbers the record's sources by first citation and collects the places citing each. */
export function sourceCitations(record: CitingRecord, body: readonly (readonly string[])[]): SourceCitations {
  const listed = new Set(record.sources.map((source) => source.id));
  const order: string[] = [];
  const backlinks = new Map<string, string[]>();
  for (const place of citationPlaces(record, body)) {
    for (const id of new Set(place.ids)) {
      if (!listed.has(id)) continue;
      if (!backlinks.has(id)) {
        backlinks.set(id, []);
        order.push(id);
      }
      backlinks.get(id)!.push(place.anchor);
    }
  }
  for (const { id } of record.sources) if (!backlinks.has(id)) order.push(id), backlinks.set(id, []);
  return { numbers: new Map(order.map((id, i) => [id, i + 1])), order, backlinks };
}
