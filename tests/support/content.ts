import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const CONTENT = join(import.meta.dirname, '..', '..', 'content');

/** A published record's frontmatter, read with a plain YAML parser: independent of the site's own loader. */
export interface RawRecord {
  id: string;
  data: Record<string, any>;
}

/** Every published record in content/incidents, sorted by id. */
export function publishedRecords(): RawRecord[] {
  const dir = join(CONTENT, 'incidents');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)?.[1];
      if (frontmatter === undefined) throw new Error(`${name} has no frontmatter`);
      return { id: name.replace(/\.mdx$/, ''), data: parse(frontmatter) as Record<string, any> };
    })
    .filter((record) => record.data.status === 'published');
}

/** A taxonomy file's ids, in file order. */
export function taxonomyIds(name: 'causes' | 'safeguards'): string[] {
  return (parse(readFileSync(join(CONTENT, 'taxonomy', `${name}.yaml`), 'utf8')) as { id: string }[]).map((term) => term.id);
}
