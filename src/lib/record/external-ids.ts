import type { ExternalDatabase, ExternalId } from '../../schema/external-id.ts';

/** Each database's name and the page of one of its entries (null where it has no stable page per entry). */
export const EXTERNAL_DATABASE_PAGES: Record<ExternalDatabase, { name: string; page: (id: string) => string | null }> = {
  aiid: { name: 'AI Incident Database', page: (id) => `https://incidentdatabase.ai/cite/${id}/` },
  'oecd-aim': { name: 'OECD AI Incidents Monitor', page: (id) => `https://oecd.ai/en/incidents/${id}` },
  aiaaic: { name: 'AIAAIC Repository', page: (id) => `https://www.aiaaic.org/aiaaic-repository/ai-algorithmic-and-automation-incidents/${id}` },
  // VOID lists reports in a searchable database with no documented address per report.
  void: { name: 'Verica Open Incident Database', page: () => null },
  atlas: { name: 'MITRE ATLAS', page: (id) => `https://atlas.mitre.org/studies/${id}` },
  avid: { name: 'AI Vulnerability Database', page: (id) => `https://avidml.org/database/${id.toLowerCase()}/` },
  cve: { name: 'CVE', page: (id) => `https://www.cve.org/CVERecord?id=${id}` },
  ghsa: { name: 'GitHub Advisory Database', page: (id) => `https://github.com/advisories/${id}` },
};

/** An external id with its database's name and the URL of its entry there. */
export interface LinkedExternalId extends ExternalId {
  name: string;
  url: string | null;
}

/** The record's external ids, each with where to read that database's entry. */
export function linkExternalIds(ids: readonly ExternalId[] | undefined): LinkedExternalId[] {
  return (ids ?? []).map((entry) => {
    const { name, page } = EXTERNAL_DATABASE_PAGES[entry.db];
    return { ...entry, name, url: page(entry.id) };
  });
}
