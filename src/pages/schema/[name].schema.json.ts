import type { APIRoute, GetStaticPaths } from 'astro';
import { JSON_SCHEMA_NAMES, JSON_SCHEMAS, type JsonSchemaName } from '../../schema/json-schema.ts';

/** `/schema/incident.schema.json`, `/schema/organization.schema.json`, `/schema/taxonomy.schema.json`. */
export const getStaticPaths = (() => JSON_SCHEMA_NAMES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const schema = JSON_SCHEMAS[params.name as JsonSchemaName]();
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
};
