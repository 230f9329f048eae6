import { z } from 'zod';

/**
 * Other incident and vulnerability databases, each with the form of its ids. An external id
 * names the same event in that database (an alias in OSV's sense), never a merely similar one.
 */
export const EXTERNAL_DATABASES = {
  /** AI Incident Database: incident numbers. */
  aiid: { form: /^[1-9]\d*$/, example: '1234' },
  /** OECD AI Incidents Monitor: the date and a four-character code, as in its incident URLs. */
  'oecd-aim': { form: /^\d{4}-\d{2}-\d{2}-[0-9a-f]{4}$/, example: '2025-06-17-7b1c' },
  /** AIAAIC Repository: the slug of the entry's page. */
  aiaaic: { form: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, example: 'dukemtmc-dataset' },
  /** Verica Open Incident Database: its report id. */
  void: { form: /^[A-Za-z0-9][A-Za-z0-9-]*$/, example: '1234' },
  /** MITRE ATLAS case studies. */
  atlas: { form: /^AML\.CS\d{4}$/, example: 'AML.CS0000' },
  /** AI Vulnerability Database: vulnerability and report ids. */
  avid: { form: /^AVID-\d{4}-[VR]\d{3,}$/, example: 'AVID-2023-V001' },
  /** Common Vulnerabilities and Exposures. */
  cve: { form: /^CVE-\d{4}-\d{4,}$/, example: 'CVE-2024-3094' },
  /** GitHub Security Advisories. */
  ghsa: { form: /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/, example: 'GHSA-jfh8-c2jp-5v3q' },
} as const satisfies Record<string, { form: RegExp; example: string }>;

export type ExternalDatabase = keyof typeof EXTERNAL_DATABASES;

/** The databases, in the order the contract lists them. */
export const EXTERNAL_DATABASE_IDS = Object.keys(EXTERNAL_DATABASES) as ExternalDatabase[];

/** One database's entry: the id must have that database's form. */
function entryOf<Db extends ExternalDatabase>(db: Db) {
  const { form, example } = EXTERNAL_DATABASES[db];
  return z.strictObject({
    /** Which database. */
    db: z.literal(db),
    /** The id there, as that database writes it; quote numbers ("1234"). */
    id: z.string().regex(form, `is not a ${db} id (written like "${example}")`),
  });
}

/** The same incident in another database (aiid, oecd-aim, aiaaic, void, atlas, avid, cve, ghsa). */
export const ExternalIdSchema = z.discriminatedUnion(
  'db',
  EXTERNAL_DATABASE_IDS.map(entryOf) as unknown as [ReturnType<typeof entryOf<ExternalDatabase>>, ...ReturnType<typeof entryOf<ExternalDatabase>>[]],
  { error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${EXTERNAL_DATABASE_IDS.join(', ')}` : undefined) },
);

export type ExternalId = { db: ExternalDatabase; id: string };
