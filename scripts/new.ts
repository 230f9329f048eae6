// npm run new — writes a new record (status: draft) that already passes `npm run validate`.
// Asks for each answer in the terminal, or takes them as flags (`npm run new -- --help`).
import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs, styleText } from 'node:util';
import { writeEditorFiles } from '../src/lib/contributing/editor-setup.ts';
import { SEVERITY_RUBRIC } from '../src/lib/record/severity-rubric.ts';
import { buildOrganizationText, buildRecordText, kebab, type NewOrganization, type NewRecordAnswers } from '../src/lib/contributing/new-record.ts';
import { answerChecks, recordIdCheck, type AnswerContext, type Check } from '../src/lib/contributing/new-record-checks.ts';
import { didYouMean } from '../src/core/suggest.ts';
import type { OrganizationRole } from '../src/schema/organization.ts';
import { loadCorpus } from '../src/validate/corpus.ts';
import { formatDiagnostic } from '../src/validate/report.ts';

const FLAGS = {
  title: 'what failed and how, without blame',
  start: 'when it began: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mmZ',
  name: 'a few words for the file name (default: from the title)',
  summary: 'one neutral paragraph, 40–600 characters',
  organization: 'ID[:ROLE] of an organization involved (repeat the flag for several; role defaults to operator)',
  'organization-name': 'ID=NAME, to create content/organizations/ID.yaml for an organization the atlas does not know',
  'organization-url': 'ID=URL, the home page of an organization being created',
  systems: 'products or systems affected, comma-separated',
  severity: 'low | moderate | high | critical',
  impact: 'who or what was affected, in a sentence',
  'data-loss': 'none | partial | total | unknown (default unknown)',
  'data-destroyed': 'none | partial | total | unknown: deleted or destroyed, even if restored later (optional)',
  type: 'incident | near-miss: the destructive step failed or was caught before harm (default incident)',
  automation: 'none | tooling | assisted | agent (default none)',
  tool: 'the tool or agent involved',
  trigger: 'the immediate trigger, in a sentence',
  causes: 'cause category ids from content/taxonomy/causes.yaml, comma-separated',
  'source-url': 'where the source can be read (http or https)',
  'source-title': 'its title as published',
  'source-publisher': 'who published it',
  'source-kind': 'postmortem | statement | regulator | first-hand | news | analysis',
  'source-published': 'when it was published (optional)',
  'source-archived': 'an archived copy, such as a Wayback Machine URL (optional)',
  'source-id': 'short id to cite it by (default: from the publisher and kind)',
  event: 'the first timeline event, as the source reports it',
  'event-at': 'when that event happened (default: the start date)',
  status: 'draft (default) or published',
} as const;
type Flag = keyof typeof FLAGS;
const REQUIRED: Flag[] = ['title', 'start', 'summary', 'organization', 'systems', 'severity', 'impact', 'trigger', 'causes', 'source-url', 'source-title', 'source-publisher', 'source-kind', 'event'];

const { values: flags } = parseArgs({
  options: {
    ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const, multiple: flag.startsWith('organization') }])),
    'no-input': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: false,
});
const given = flags as Partial<Record<Flag, string | string[]>> & { 'no-input'?: boolean; help?: boolean };

const root = process.cwd();
const bold = (text: string) => styleText('bold', text, { stream: process.stdout });
const dim = (text: string) => styleText('dim', text, { stream: process.stdout });
const say = (text = '') => process.stdout.write(`${text}\n`);
/** Guidance for people at a terminal; scripts passing flags only want the result. */
const guide = (text = '') => (given['no-input'] ? undefined : say(text));

class Stop extends Error {}
function fail(message: string): never {
  throw new Stop(message);
}

if (given.help) {
  say('npm run new                 asks for each answer in the terminal');
  say('npm run new -- --no-input --title "…" …   takes every answer as a flag (for scripts)\n');
  for (const [flag, help] of Object.entries(FLAGS)) say(`  --${flag.padEnd(18)} ${help}${REQUIRED.includes(flag as Flag) ? '' : dim(' (optional)')}`);
  process.exit(0);
}

// What the content folder already holds: the answers are checked against it.
const corpus = loadCorpus({ root });
const fileIds = (folder: string, extension: string) => {
  try {
    return readdirSync(join(root, 'content', folder)).filter((name) => name.endsWith(extension)).map((name) => name.slice(0, -extension.length));
  } catch {
    return [];
  }
};
const context: AnswerContext = {
  records: new Set(fileIds('incidents', '.mdx')),
  organizations: new Set(fileIds('organizations', '.yaml')),
  causes: new Set(corpus.causes.map((term) => term.id)),
  now: Date.now(),
};
const checks = answerChecks(context);
/** Organization names and aliases → id, so "AWS" finds amazon-web-services. */
const organizationByName = new Map<string, string>();
for (const [id, organization] of corpus.organizations) {
  for (const name of [organization.name, ...(organization.aliases ?? [])]) organizationByName.set(kebab(name, 20), id);
}

const interactive = !given['no-input'];
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) }) : undefined;
const lines = rl?.[Symbol.asyncIterator]();
rl?.on('SIGINT', () => {
  say('\nStopped. Nothing was written.');
  process.exit(130);
});

/** Reads one line after a prompt; the end of the input stops the run. */
async function readLine(prompt: string): Promise<string> {
  rl!.setPrompt(prompt);
  rl!.prompt();
  const next = await lines!.next();
  if (next.done) fail('the input ended before every question was answered; nothing was written');
  if (!process.stdin.isTTY) say(); // Piped answers are not echoed; keep the transcript readable.
  return next.value;
}

interface Question<T> {
  flag?: Flag;
  prompt: string;
  help?: string;
  fallback?: string | undefined;
  check: Check<T>;
}

/** One answer: from its flag, else asked (again until it passes its check), else its default. */
async function ask<T>({ flag, prompt, help, fallback, check }: Question<T>): Promise<T> {
  const flagged = flag ? given[flag] : undefined;
  const fromFlag = Array.isArray(flagged) ? flagged[0] : flagged;
  if (fromFlag !== undefined) {
    const checked = check(fromFlag);
    if ('error' in checked) fail(`--${flag} ${checked.error}`);
    return checked.value;
  }
  if (!interactive) {
    // Optional answers accept the empty string; a required one without a default is missing.
    const checked = check(fallback ?? '');
    if ('error' in checked) fail(fallback === undefined ? `--${flag} is required` : `--${flag} ${checked.error}`);
    return checked.value;
  }
  if (help) say(dim(help));
  for (;;) {
    const raw = await readLine(`${bold(prompt)}${fallback ? dim(` [${fallback}]`) : ''}: `);
    const checked = check(raw.trim() === '' && fallback !== undefined ? fallback : raw);
    if (!('error' in checked)) return checked.value;
    say(styleText('red', `  ✗ ${checked.error}`, { stream: process.stdout }));
  }
}

/** `ID=VALUE` flags as a map. */
function pairs(flag: 'organization-name' | 'organization-url'): Map<string, string> {
  const list = (given[flag] as string[] | undefined) ?? [];
  return new Map(list.map((item) => [item.slice(0, item.indexOf('=')).trim(), item.slice(item.indexOf('=') + 1).trim()]));
}

/** The organizations involved, creating files for new ones. */
async function askOrganizations(): Promise<{ refs: NewRecordAnswers['organizations']; created: NewOrganization[] }> {
  const refs: NewRecordAnswers['organizations'] = [];
  const created: NewOrganization[] = [];
  const names = pairs('organization-name');
  const urls = pairs('organization-url');
  const add = (id: string, role: OrganizationRole, name?: string, url?: string): void => {
    if (refs.some((ref) => ref.id === id)) {
      say(styleText('yellow', `  ${id} is already listed`, { stream: process.stdout }));
      return;
    }
    refs.push({ id, role });
    if (context.organizations.has(id)) return;
    const checkedName = checks.organizationName(name ?? '');
    const checkedUrl = checks.organizationUrl(url ?? '');
    if ('error' in checkedName) fail(`--organization-name ${id}=… is needed to create content/organizations/${id}.yaml (${checkedName.error})`);
    if ('error' in checkedUrl) fail(`--organization-url ${id}=${url} ${checkedUrl.error}`);
    created.push({ id, name: checkedName.value, ...(checkedUrl.value ? { url: checkedUrl.value } : {}) });
  };

  const flagged = (given.organization as string[] | undefined) ?? [];
  if (flagged.length || !interactive) {
    if (!flagged.length) fail('--organization is required');
    for (const item of flagged) {
      const [rawId = '', rawRole = 'operator'] = item.split(':');
      const id = checks.organization(rawId);
      const role = checks.role(rawRole);
      if ('error' in id) fail(`--organization ${rawId} ${id.error}`);
      if ('error' in role) fail(`--organization ${item}: the role ${role.error}`);
      if (!context.organizations.has(id.value) && !names.has(id.value)) {
        fail(`--organization ${id.value} is not in content/organizations/${didYouMean(id.value, context.organizations)}; to create it, add --organization-name ${id.value}="Its Name"`);
      }
      add(id.value, role.value, names.get(id.value), urls.get(id.value));
    }
    return { refs, created };
  }

  say(dim('Organizations: ids of content/organizations/<id>.yaml, or a name; a new one gets its own file.'));
  for (;;) {
    const first = refs.length === 0;
    const raw = (await readLine(`${bold(first ? 'Organization that ran the affected system' : 'Another organization (Enter when done)')}: `)).trim();
    if (!raw) {
      if (first) say(styleText('red', '  ✗ name at least one organization', { stream: process.stdout }));
      else break;
      continue;
    }
    const id = organizationByName.get(kebab(raw, 20)) ?? kebab(raw, 8);
    if (!id) continue;
    let name: string | undefined;
    let url: string | undefined;
    if (!context.organizations.has(id)) {
      const hint = didYouMean(id, context.organizations);
      const answer = (await readLine(`  ${id} is not in the atlas yet${hint ? ` (${hint.slice(2)})` : ''}. Create content/organizations/${id}.yaml? [Y/n]: `)).trim().toLowerCase();
      if (answer.startsWith('n')) continue;
      name = await ask({ prompt: '  Its name, as it writes it', fallback: raw === id ? undefined : raw, check: checks.organizationName });
      url = await ask({ prompt: '  Its home page (Enter to skip)', check: checks.organizationUrl });
    } else {
      say(dim(`  ${id}: ${corpus.organizations.get(id)?.name ?? ''}`));
    }
    const role = await ask({ prompt: `  Role of ${id} (operator, vendor, customer, reporter, regulator)`, fallback: first ? 'operator' : undefined, check: checks.role });
    add(id, role, name, url);
  }
  return { refs, created };
}

/** A default file name from the title: its first few meaningful words. */
function fileName(title: string): string {
  const small = new Set(['a', 'an', 'the', 'of', 'by', 'in', 'on', 'at', 'to', 'for', 'and', 'after', 'during', 'with', 'from', 'its', 'their']);
  return kebab(title, 40).split('-').filter((word) => !small.has(word)).slice(0, 5).join('-') || kebab(title, 5);
}

async function collect(): Promise<{ answers: NewRecordAnswers; created: NewOrganization[] }> {
  guide(bold('New incident record'));
  guide('Answer from sources you have read: every fact in a record must trace to one. You will name');
  guide('the main source at the end. Press Enter to accept a [default]; nothing is written until the');
  guide('end, and the result is checked by the same validator as `npm run validate`. Ctrl+C stops.\n');

  const title = await ask({ flag: 'title', prompt: 'Title', help: 'What failed and how, without blame (at most 140 characters).', check: checks.title });
  const start = await ask({ flag: 'start', prompt: 'When did it begin', help: 'As precisely as the sources say: 2025, 2025-12, 2025-12-15 or 2025-12-15T09:47Z.', check: checks.start });
  const id = await ask({ flag: 'name', prompt: 'Short name for the file', fallback: fileName(title), check: recordIdCheck(start, context.records) });
  guide(dim(`  The record will be content/incidents/${id}.mdx`));
  const summary = await ask({ flag: 'summary', prompt: 'Summary', help: 'One neutral paragraph, plain text, 40–600 characters.', check: checks.summary });
  const { refs, created } = await askOrganizations();
  const systems = await ask({ flag: 'systems', prompt: 'Systems or products affected (comma-separated)', check: checks.systems });
  const rubric = Object.entries(SEVERITY_RUBRIC).map(([level, { short }]) => `  ${level.padEnd(9)} ${short}`).join('\n');
  const severity = await ask({ flag: 'severity', prompt: 'Severity', help: `How bad was it? (the full rubric is in CONTRIBUTING.md)\n${rubric}`, check: checks.severity });
  const impact = await ask({ flag: 'impact', prompt: 'Who or what was affected', help: 'In a sentence or two.', check: checks.impact });
  const dataLoss = await ask({ flag: 'data-loss', prompt: 'Data lost for good (none, partial, total, unknown)', fallback: 'unknown', check: checks.dataLoss });
  const dataDestroyed = await ask({ flag: 'data-destroyed', prompt: 'Data deleted or destroyed, even if restored later (none, partial, total, unknown; Enter to skip)', check: checks.dataDestroyed });
  const type = await ask({ flag: 'type', prompt: 'Incident or near-miss', help: 'near-miss: the destructive step failed or was caught before harm.', fallback: 'incident', check: checks.type });
  const involvement = await ask({
    flag: 'automation',
    prompt: 'What did automation do (none, tooling, assisted, agent)',
    help: 'none: people only; tooling: scripts or deploy systems; assisted: AI suggested, people acted; agent: AI acted.',
    fallback: 'none',
    check: checks.involvement,
  });
  const tool = involvement === 'none' ? undefined : await ask({ flag: 'tool', prompt: 'Name of the tool or agent (Enter to skip)', check: checks.tool });
  const trigger = await ask({ flag: 'trigger', prompt: 'Immediate trigger', help: 'What set it off, in a sentence.', check: checks.trigger });
  const causes = corpus.causes.map((term) => `  ${term.id.padEnd(26)} ${term.name}`).join('\n');
  const categories = await ask({ flag: 'causes', prompt: 'Cause categories (comma-separated ids, main one first)', help: `Cause categories:\n${causes}`, check: checks.categories });

  guide(`\n${bold('The main source')} ${dim('(add more, and their citations, in the file afterwards)')}`);
  const url = await ask({ flag: 'source-url', prompt: 'URL', check: checks.sourceUrl });
  const sourceTitle = await ask({ flag: 'source-title', prompt: 'Title, as published', check: checks.sourceTitle });
  const publisher = await ask({ flag: 'source-publisher', prompt: 'Publisher (organization, outlet or author)', check: checks.sourcePublisher });
  const kind = await ask({
    flag: 'source-kind',
    prompt: 'Kind (postmortem, statement, regulator, first-hand, news, analysis)',
    help: 'postmortem: the operator’s own account · statement: an official statement · regulator: a filing or finding\nfirst-hand: someone involved · news: reporting · analysis: commentary',
    check: checks.sourceKind,
  });
  const published = await ask({ flag: 'source-published', prompt: 'Published on (Enter if unknown)', check: checks.sourcePublished });
  const archived = await ask({ flag: 'source-archived', prompt: 'Archived copy, e.g. https://web.archive.org/web/… (Enter to skip)', check: checks.sourceArchived });
  const sourceId = await ask({ flag: 'source-id', prompt: 'Id to cite it by', fallback: kebab(`${publisher} ${kind}`, 4), check: checks.sourceId });

  guide(`\n${bold('The first event')} ${dim('(add the rest of the timeline in the file afterwards)')}`);
  const event = await ask({ flag: 'event', prompt: 'What happened first, as this source reports it', check: checks.event });
  const eventAt = await ask({ flag: 'event-at', prompt: 'When', fallback: start, check: checks.eventAt });
  const status = await ask({
    flag: 'status',
    prompt: 'Status (draft, published)',
    help: '\ndraft: checked but not built into the site, until the record is complete; published: built.',
    fallback: 'draft',
    check: checks.status,
  });
  const answers: NewRecordAnswers = {
    id, title, summary, status, type, start, organizations: refs, systems, severity, impact, dataLoss, ...(dataDestroyed ? { dataDestroyed } : {}), involvement,
    ...(tool ? { tool } : {}),
    trigger, categories,
    event: { at: eventAt, text: event },
    source: { id: sourceId, title: sourceTitle, publisher, url, kind, ...(published ? { published } : {}), ...(archived ? { archived } : {}) },
  };
  return { answers, created };
}

/** Writes the files, then checks them exactly as `npm run validate` does; on any problem, removes them again. */
function write(answers: NewRecordAnswers, created: NewOrganization[]): string[] {
  const files: [string, string][] = [
    [`content/incidents/${answers.id}.mdx`, buildRecordText(answers)],
    ...created.map((org): [string, string] => [`content/organizations/${org.id}.yaml`, buildOrganizationText(org)]),
  ];
  for (const [file] of files) if (existsSync(join(root, file))) fail(`${file} already exists; nothing was written`);
  mkdirSync(join(root, 'content', 'organizations'), { recursive: true });
  mkdirSync(join(root, 'content', 'incidents'), { recursive: true });
  for (const [file, text] of files) writeFileSync(join(root, file), text, { flag: 'wx' });
  const written = files.map(([file]) => file);
  const problems = loadCorpus({ root }).diagnostics.filter((d) => written.includes(d.file));
  if (problems.length) {
    for (const file of written) unlinkSync(join(root, file));
    fail(`the new record would not pass validation, so nothing was kept:\n${problems.map(formatDiagnostic).join('\n')}`);
  }
  return written;
}

try {
  const missing = REQUIRED.filter((flag) => given[flag] === undefined);
  if (!interactive && missing.length) fail(`missing ${missing.map((flag) => `--${flag}`).join(', ')} (see npm run new -- --help)`);
  const { answers, created } = await collect();
  const written = write(answers, created);
  rl?.close();
  try {
    writeEditorFiles(root);
  } catch {
    // Editor support is a convenience; the record is written either way.
  }
  say(`\n${styleText('green', '✓', { stream: process.stdout })} Wrote ${written.join(' and ')}; it passes npm run validate.`);
  say('Next:');
  say('  1. Write the account under "## What happened" in your own words, citing sources with <Cite ids="…" />.');
  say('  2. Add the other sources, timeline events, claims (contested statements, with both sides) and safeguards.');
  say(`  3. Check it: npm run validate ${written[0]}`);
  say('  4. When it is complete, set status: published, and open a pull request (see CONTRIBUTING.md).');
} catch (error) {
  rl?.close();
  if (!(error instanceof Stop)) throw error;
  process.stderr.write(`✗ ${error.message}\n`);
  process.exitCode = 1;
}
