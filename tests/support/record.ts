import { splitFrontmatter } from '../../src/validate/split-frontmatter.ts';
import { parseStrictYaml } from '../../src/validate/strict-yaml.ts';
import { IncidentFieldsSchema, type IncidentFields } from '../../src/schema/incident-fields.ts';
import { fixtureRecordText } from './corpus.ts';

/** The valid fixture record's frontmatter, parsed through the real schema so test data cannot drift from it. */
export function validFields(): IncidentFields {
  const split = splitFrontmatter(fixtureRecordText());
  if (!('yaml' in split)) throw new Error('fixture has no frontmatter');
  return IncidentFieldsSchema.parse(parseStrictYaml(split.yaml).data);
}

/** The valid fixture's frontmatter as plain data, to mutate into invalid shapes. */
export function validData(): Record<string, any> {
  return structuredClone(validFields()) as Record<string, any>;
}
