import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/validate/corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const copies: string[] = [];
afterEach(() => copies.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary copy of the project's real content, so the command runs against what contributors see. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-new-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  copies.push(dir);
  return dir;
}

/** Runs a script of the project in `cwd`, as `npm run` would (the project root is the working directory). */
function run(script: 'new' | 'validate', cwd: string, args: string[] = [], input?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd, input: input ?? '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '' } });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const FLAGS = [
  '--no-input',
  '--title', 'Example service down after an automated cleanup removed its configuration',
  '--start', '2025-11-03',
  '--summary', 'An automated cleanup job removed a configuration file that the example service needed, and the service stopped answering requests for about two hours.',
  '--organization', 'amazon-web-services:operator',
  '--organization', 'example-vendor:vendor',
  '--organization-name', 'example-vendor=Example Vendor',
  '--organization-url', 'example-vendor=https://vendor.example',
  '--systems', 'Example Console, Example API',
  '--severity', 'moderate',
  '--impact', 'Customers could not use the example console.',
  '--automation', 'tooling',
  '--trigger', 'A cleanup job deleted a configuration file it judged unused.',
  '--causes', 'automation-defect, validation-gap',
  '--source-url', 'https://vendor.example/postmortem',
  '--source-title', 'Postmortem of the November outage',
  '--source-publisher', 'Example Vendor',
  '--source-kind', 'postmortem',
  '--source-published', '2025-11-05',
  '--event', 'The cleanup job deleted the configuration file.',
];

// Records this suite writes all start so; the real corpus has other November 2025 records.
const writtenRecords = (dir: string) => readdirSync(join(dir, 'content', 'incidents')).filter((name) => name.startsWith('2025-11-example'));

describe('npm run new', () => {
  it('with flags, writes a draft and an organization that pass npm run validate', () => {
    const dir = contentCopy();
    const result = run('new', dir, FLAGS);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    const id = '2025-11-example-service-down-automated-cleanup';
    expect(writtenRecords(dir)).toEqual([`${id}.mdx`]);
    expect(readFileSync(join(dir, 'content', 'organizations', 'example-vendor.yaml'), 'utf8')).toBe('name: Example Vendor\nurl: https://vendor.example\n');
    const validate = run('validate', dir);
    expect(validate.out).toMatch(/✓ \d+ files checked .*no problems/);
    expect(validate.status).toBe(0);
    const corpus = loadCorpus({ root: dir });
    const record = corpus.incidents.find((incident) => incident.id === id)!;
    expect(record.data).toMatchObject({ status: 'draft', organizations: [{ id: 'amazon-web-services', role: 'operator' }, { id: 'example-vendor', role: 'vendor' }], automation: { involvement: 'tooling' } });
    expect(record.data.sources[0]).toMatchObject({ id: 'example-vendor-postmortem', published: '2025-11-05' });
  });

  it('with flags, refuses what the validator would refuse, and writes nothing', () => {
    const dir = contentCopy();
    const before = readdirSync(join(dir, 'content', 'organizations')).length;
    const missing = run('new', dir, ['--no-input', '--title', 'Something']);
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(/missing --start, --summary, --organization/);
    const unknown = run('new', dir, FLAGS.map((flag) => (flag === 'amazon-web-services:operator' ? 'amazon-web-service:operator' : flag)));
    expect(unknown.status).toBe(1);
    expect(unknown.err).toMatch(/--organization amazon-web-service is not in content\/organizations\/; did you mean "amazon-web-services"\?/);
    const badDate = run('new', dir, FLAGS.map((flag) => (flag === '2025-11-05' ? '2025-11-31' : flag)));
    expect(badDate.err).toMatch(/--source-published must be a real date/);
    expect(writtenRecords(dir)).toEqual([]);
    expect(readdirSync(join(dir, 'content', 'organizations')).length).toBe(before);
  });

  it('asks in turn, explains what it refuses, and writes a record that passes npm run validate', () => {
    const dir = contentCopy();
    const answers = [
      'Example console unavailable after an automated cleanup',
      '2025-13', '2025-11-03',
      '',
      'too short', 'An automated cleanup job removed a configuration file that the example console needed; the console was unavailable for about two hours.',
      'AWS', '',
      'Example Vendor Inc', '', '', 'https://vendor.example', 'vendor',
      '',
      'Example Console',
      'mod',
      'Customers could not use the example console.',
      '',
      'some', 'partial', 'near',
      'tooling', '',
      'A cleanup job deleted a configuration file it judged unused.',
      'automation-defect, validation-gp', 'automation-defect, validation-gap',
      'https://vendor.example/postmortem', 'Postmortem of the November outage', 'Example Vendor Inc', 'postmortem', '2025-11-05', '', '',
      'The cleanup job deleted the configuration file.', '', '',
    ];
    const result = run('new', dir, [], `${answers.join('\n')}\n`);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    expect(result.out).toContain('✗ must be a real date');
    expect(result.out).toContain('✗ must be at least 40 characters');
    expect(result.out).toContain('amazon-web-services: Amazon Web Services');
    expect(result.out).toContain('example-vendor-inc is not in the atlas yet');
    expect(result.out).toContain('✗ must be one of none, partial, total, unknown');
    expect(result.out).toContain('✗ "validation-gp" is not in content/taxonomy/causes.yaml; did you mean "validation-gap"?');
    expect(result.out).toMatch(/✓ Wrote content\/incidents\/2025-11-example-console-unavailable-automated-cleanup\.mdx and content\/organizations\/example-vendor-inc\.yaml/);
    expect(run('validate', dir).status).toBe(0);
    const record = loadCorpus({ root: dir }).incidents.find((incident) => incident.id === '2025-11-example-console-unavailable-automated-cleanup')!;
    expect(record.data).toMatchObject({
      status: 'draft',
      organizations: [{ id: 'amazon-web-services', role: 'operator' }, { id: 'example-vendor-inc', role: 'vendor' }],
      type: 'near-miss',
      impact: { severity: 'moderate', data_loss: 'unknown', data_destroyed: 'partial' },
      cause: { categories: ['automation-defect', 'validation-gap'] },
      timeline: [{ at: '2025-11-03', sources: ['example-vendor-inc-postmortem'] }],
    });
  });

  it('stops without writing anything when the input ends early', () => {
    const dir = contentCopy();
    const result = run('new', dir, [], 'Example title of an incident\n2025-11-03\n');
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/input ended before every question was answered; nothing was written/);
    expect(writtenRecords(dir)).toEqual([]);
    expect(existsSync(join(dir, 'content', 'incidents'))).toBe(true);
  });
});
