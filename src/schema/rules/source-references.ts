import { didYouMean } from '../../core/suggest.ts';
import type { IncidentFields } from '../incident-fields.ts';
import type { RecordRule } from './types.ts';

/** Every place in the record that cites sources, with its path. */
export function* sourceCitations(record: IncidentFields): Generator<{ path: (string | number)[]; ids: string[] }> {
  for (const [i, event] of record.timeline.entries()) yield { path: ['timeline', i, 'sources'], ids: event.sources };
  for (const [i, claim] of record.claims.entries()) {
    for (const [j, side] of claim.asserted_by.entries()) yield { path: ['claims', i, 'asserted_by', j, 'sources'], ids: side.sources };
    for (const [j, side] of (claim.disputed_by ?? []).entries()) yield { path: ['claims', i, 'disputed_by', j, 'sources'], ids: side.sources };
    for (const [j, step] of (claim.history ?? []).entries()) yield { path: ['claims', i, 'history', j, 'sources'], ids: step.sources };
  }
  for (const [i, safeguard] of record.safeguards.entries()) yield { path: ['safeguards', i, 'sources'], ids: safeguard.sources };
  for (const [i, correction] of (record.corrections ?? []).entries()) {
    if (correction.sources) yield { path: ['corrections', i, 'sources'], ids: correction.sources };
  }
}

/** Every cited source id is listed under `sources`. */
export const sourceReferencesResolve: RecordRule = (record, report) => {
  const listed = new Set(record.sources.map((source) => source.id));
  for (const { path, ids } of sourceCitations(record)) {
    ids.forEach((id, index) => {
      if (!listed.has(id)) report([...path, index], `cites "${id}", which is not listed under sources${didYouMean(id, listed)}`);
    });
  }
};
