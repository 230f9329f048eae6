/** What one list has that the other lacks, each sorted; duplicates in `actual` count as extra. */
export function compareSets(expected: readonly string[], actual: readonly string[]): { missing: string[]; extra: string[] } {
  const want = new Set(expected);
  const seen = new Set<string>();
  const extra: string[] = [];
  for (const item of actual) {
    if (!want.has(item) || seen.has(item)) extra.push(item);
    seen.add(item);
  }
  const missing = expected.filter((item) => !seen.has(item));
  return { missing: [...new Set(missing)].sort(), extra: extra.sort() };
}
