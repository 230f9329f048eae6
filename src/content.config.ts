import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { incidentLoader, organizationLoader, taxonomyLoader } from './build/content-loaders.ts';
import { IncidentFieldsSchema } from './schema/incident-fields.ts';
import { OrganizationSchema } from './schema/organization.ts';
import { TaxonomyTermSchema } from './schema/taxonomy.ts';

// The loaders validate with the full schema (rules and cross-references) before storing;
// these schemas give pages their types.
export const collections = {
  incidents: defineCollection({ loader: incidentLoader, schema: IncidentFieldsSchema.extend({ file: z.string() }) }),
  organizations: defineCollection({ loader: organizationLoader, schema: OrganizationSchema }),
  causes: defineCollection({ loader: taxonomyLoader('causes'), schema: TaxonomyTermSchema.omit({ id: true }) }),
  safeguards: defineCollection({ loader: taxonomyLoader('safeguards'), schema: TaxonomyTermSchema.omit({ id: true }) }),
};
