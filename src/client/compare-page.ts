// The compare page in the browser: reads ?ids=, fetches those incidents' columns (built at build
// time under /compare/columns/, a group of incidents per file), lays out the table from the page's <template>, and keeps the URL
// in step with the picker. Text is set with textContent only; nothing fetched is parsed as HTML.
import { compareGroupOf, parseCompareIds, rowDifferences, type CompareItem, type DiffMode } from '../lib/analysis/compare-diff.ts';

interface Column {
  id: string;
  title: string;
  date: string;
  cells: Record<string, CompareItem[]>;
}
type PickerRow = [id: string, title: string, year: number, organizations: string];

const MAX = 4;
const groups = new Map<string, Promise<Record<string, Column>>>();
let picker: Promise<PickerRow[]> | undefined;
let known: Promise<Set<string>> | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The groups with a columns file, so an id from a mistyped URL costs no request for a missing file. */
function knownGroups(): Promise<Set<string>> {
  return (known ??= fetch('/compare/columns.json').then((r) => (r.ok ? (r.json() as Promise<string[]>) : [])).then((list) => new Set(list)).catch(() => new Set<string>()));
}

async function column(id: string): Promise<Column | undefined> {
  const group = compareGroupOf(id);
  if (!(await knownGroups()).has(group)) return undefined;
  let pending = groups.get(group);
  if (!pending) {
    pending = fetch(`/compare/columns/${group}.json`).then((r) => (r.ok ? (r.json() as Promise<Record<string, Column>>) : {})).catch(() => ({}));
    groups.set(group, pending);
  }
  return pending.then((columns) => (Object.hasOwn(columns, id) ? columns[id] : undefined));
}

function pickerRows(): Promise<PickerRow[]> {
  return (picker ??= fetch('/compare/incidents.json').then((r) => r.json() as Promise<PickerRow[]>).then((rows) => {
    const list = $('compare-options');
    list.replaceChildren(...rows.map(([id, title, year, orgs]) => Object.assign(el('option'), { value: `${title} (${year})`, label: `${orgs} · ${id}` })));
    return rows;
  }));
}

function currentIds(): string[] {
  return parseCompareIds(location.search, MAX).ids;
}

/** The compare page's URL for these ids, keeping "only rows that differ" when it is ticked. */
function urlFor(ids: readonly string[]): string {
  const params = [ids.length ? `ids=${ids.join(',')}` : '', diffOnly() ? 'diff=only' : ''].filter(Boolean);
  return `/compare/${params.length ? `?${params.join('&')}` : ''}`;
}

function diffOnly(): boolean {
  return $<HTMLInputElement>('compare-diff-only').checked;
}

function go(ids: string[], push = true): void {
  const url = urlFor(ids);
  history[push ? 'pushState' : 'replaceState'](null, '', url);
  void render();
}

/** One item: a badge, text, or a badge then text; marked when not every column has it. */
function item(value: CompareItem, shared: boolean): HTMLElement {
  const node = el('span', shared ? 'cmp-item' : 'cmp-item only');
  const badge = value.b ?? (value.tone ? value.t : undefined);
  if (badge !== undefined) node.append(el('span', `badge badge-${value.tone ?? 'neutral'}`, badge));
  if (value.b !== undefined || !value.tone) node.append((value.b ? ' ' : '') + value.t);
  if (!shared) node.append(el('span', 'visually-hidden', ' (not in every incident)'));
  return node;
}

function cell(col: Column, anchor: string, values: CompareItem[], shared: boolean[]): HTMLTableCellElement {
  const td = el('td');
  if (!values.length) {
    td.append(el('span', 'cmp-empty', '—'), el('span', 'visually-hidden', 'not recorded'));
    return td;
  }
  const link = Object.assign(el('a', 'cmp-cell'), { href: `/incidents/${col.id}/#${anchor}` });
  if (values.length === 1) link.append(item(values[0]!, shared[0]!));
  else {
    const list = el('ul');
    for (const [i, value] of values.entries()) {
      const li = el('li');
      li.append(item(value, shared[i]!));
      list.append(li);
    }
    link.append(list);
  }
  td.append(link);
  return td;
}

/** True when every column reads the same in a row: then it is shown once, across the columns. */
function readsAlike(values: readonly CompareItem[][]): boolean {
  const shown = values.map((items) => items.map((value) => `${value.b ?? ''}\u0000${value.t}`).join('\n'));
  return shown.every((text) => text === shown[0]);
}

/** One cell across all columns for a value they share, so the rows that differ stand out. */
function sharedCell(cols: Column[], values: CompareItem[]): HTMLTableCellElement {
  const td = Object.assign(el('td', 'cmp-shared'), { colSpan: cols.length });
  if (!values.length) {
    td.append(el('span', 'cmp-empty', '—'), el('span', 'visually-hidden', 'not recorded'));
  } else {
    const list = el('ul', 'cmp-shared-values');
    for (const value of values) {
      const li = el('li');
      li.append(item(value, true));
      list.append(li);
    }
    td.append(list);
  }
  td.append(el('span', 'cmp-same', cols.length === 2 ? 'same in both' : `same in all ${cols.length}`));
  return td;
}

function header(col: Column): HTMLTableCellElement {
  const th = Object.assign(el('th'), { scope: 'col' });
  th.append(Object.assign(el('a', 'cmp-title', col.title), { href: `/incidents/${col.id}/` }), el('span', 'cmp-date', col.date));
  const remove = Object.assign(el('button', 'cmp-remove', 'Remove'), { type: 'button' });
  remove.setAttribute('aria-label', `Remove ${col.title} from the comparison`);
  remove.addEventListener('click', () => {
    go(currentIds().filter((id) => id !== col.id));
    // The table is rebuilt, so focus would be lost with the button: hand it to the picker.
    $('compare-pick').focus();
  });
  th.append(remove);
  return th;
}

function table(cols: Column[]): { table: HTMLTableElement; differing: number } {
  const template = $<HTMLTemplateElement>('compare-template');
  const table = (template.content.firstElementChild as HTMLTableElement).cloneNode(true) as HTMLTableElement;
  table.tHead!.rows[0]!.append(...cols.map(header));
  let differing = 0;
  for (const row of table.querySelectorAll<HTMLTableRowElement>('tr[data-row]')) {
    const values = cols.map((col) => col.cells[row.dataset.row!] ?? []);
    if (values.every((v) => !v.length)) {
      row.remove();
      continue;
    }
    const diff = rowDifferences(values, row.dataset.diff as DiffMode);
    if (diff.differs) {
      differing += 1;
      row.classList.add('differs');
      row.cells[0]!.append(' ', el('span', 'differs-mark', 'differs'));
    }
    if (cols.length > 1 && readsAlike(values)) row.append(sharedCell(cols, values[0]!));
    else row.append(...cols.map((col, i) => cell(col, row.dataset.anchor!, values[i]!, diff.shared[i]!)));
  }
  for (const body of table.tBodies) if (body.rows.length === 1) body.remove();
  for (const groupHeader of table.querySelectorAll<HTMLTableCellElement>('.compare-group th')) groupHeader.colSpan = cols.length + 1;
  return { table, differing };
}

function showOnlyDifferences(): void {
  const only = $<HTMLInputElement>('compare-diff-only').checked;
  for (const body of $('compare-output').querySelectorAll('tbody')) {
    let visible = 0;
    for (const row of body.querySelectorAll<HTMLTableRowElement>('tr[data-row]')) {
      row.hidden = only && !row.classList.contains('differs');
      if (!row.hidden) visible += 1;
    }
    (body as HTMLElement).hidden = visible === 0;
  }
}

async function render(): Promise<void> {
  const asked = parseCompareIds(location.search, MAX);
  const found = await Promise.all(asked.ids.map(column));
  const cols = found.filter((col): col is Column => col !== undefined);
  const unknown = asked.ids.filter((_, i) => !found[i]);
  // The URL keeps only what is shown, so adding an incident never pushes a shown one out.
  $<HTMLInputElement>('compare-diff-only').checked = new URLSearchParams(location.search).get('diff') === 'only';
  const canonical = urlFor(cols.map((col) => col.id));
  if (location.pathname + location.search !== canonical) history.replaceState(null, '', canonical);
  const output = $('compare-output');
  const notes: string[] = [];
  if (unknown.length) notes.push(`No incident has the id ${unknown.map((id) => `“${id}”`).join(', ')}.`);
  if (asked.extra.length) notes.push(`Only four incidents fit side by side; left out: ${asked.extra.join(', ')}.`);
  if (cols.length) {
    const { table: built, differing } = table(cols);
    built.classList.add(`cols-${cols.length}`);
    output.replaceChildren(built);
    notes.unshift(cols.length === 1 ? 'One incident chosen: add another to compare.' : `Comparing ${cols.length} incidents: ${differing} rows differ.`);
  } else {
    output.replaceChildren();
    notes.unshift('No incidents chosen yet: add two to four with the picker, or start from a suggestion below.');
  }
  output.hidden = !cols.length;
  $('compare-tools').hidden = cols.length < 2;
  $<HTMLAnchorElement>('compare-link').href = canonical;
  $('compare-status').textContent = notes.join(' ');
  const input = $<HTMLInputElement>('compare-pick');
  input.disabled = cols.length >= MAX;
  $('compare-hint').textContent = input.disabled ? 'Four incidents is the most: remove one to add another.' : 'Start typing and choose from the list. Up to four incidents.';
  showOnlyDifferences();
}

/** The incident a picker entry names: an id, a list entry ("Title (2025)"), or a text only one title contains. */
async function resolve(text: string): Promise<string | undefined> {
  const query = text.trim().toLowerCase();
  if (!query) return undefined;
  const rows = await pickerRows();
  const exact = rows.find(([id, title, year]) => id === query || `${title} (${year})`.toLowerCase() === query || title.toLowerCase() === query);
  if (exact) return exact[0];
  const matches = rows.filter(([id, title, year, orgs]) => `${id} ${title} ${year} ${orgs}`.toLowerCase().includes(query));
  return matches.length === 1 ? matches[0]![0] : undefined;
}

/** Wires the page up: shows the picker, renders the ids in the URL, follows back and forward. */
export function mountCompare(): void {
  $('compare-app').hidden = false;
  const input = $<HTMLInputElement>('compare-pick');
  input.addEventListener('focus', () => void pickerRows(), { once: true });
  $('compare-picker').addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = await resolve(input.value);
    const ids = currentIds();
    if (!id) {
      $('compare-status').textContent = `No single incident matches “${input.value.trim()}”: choose one from the list.`;
      return;
    }
    input.value = '';
    if (ids.includes(id)) $('compare-status').textContent = 'That incident is already in the comparison.';
    else go([...ids, id]);
  });
  $('compare-diff-only').addEventListener('change', () => {
    showOnlyDifferences();
    const url = urlFor(currentIds());
    history.replaceState(null, '', url);
    $<HTMLAnchorElement>('compare-link').href = url;
  });
  addEventListener('popstate', () => void render());
  void render();
}
