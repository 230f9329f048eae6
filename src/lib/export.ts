import type { IncidentFields } from '../schema/incident-fields.ts';
import { durationHours } from './duration.ts';
import { durationMsOf, wordCount, yearOfIncident } from './incident.ts';

/** Bump when the shape of the exported data changes in a way scripts would notice. */
export const DATA_SCHEMA_VERSION = '1.0.0';

/** One record as researchers download it: every field, derived values, and the body as plain text. */
export interface ExportedIncident extends IncidentFields {
  id: string;
  url: string;
  derived: {
    year: number;
    duration_hours: number | null;
    counts: { timeline: number; claims: number; safeguards: number; sources: number; body_words: number };
  };
  body_text: string;
}

/** Adds the derived values to a record's fields. */
export function exportIncident(id: string, data: IncidentFields, bodyText: string, siteUrl: string): ExportedIncident {
  const duration = durationMsOf(data);
  return {
    id,
    url: new URL(`/incidents/${id}/`, siteUrl).href,
    ...data,
    derived: {
      year: yearOfIncident(data),
      duration_hours: duration === undefined ? null : durationHours(duration),
      counts: {
        timeline: data.timeline.length,
        claims: data.claims.length,
        safeguards: data.safeguards.length,
        sources: data.sources.length,
        body_words: wordCount(bodyText),
      },
    },
    body_text: bodyText,
  };
}

/** Plain text of rendered HTML: tags dropped, entities for the characters the renderer escapes decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<sup class="cite"[^>]*>.*?<\/sup>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
