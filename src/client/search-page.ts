// The search page's only script: reads the state from the URL, queries Pagefind, renders results.
import { effectiveSort, isEmptyState, pagefindOptions, parseSearchState, serializeSearchState, type SearchState } from '../lib/search/search-state.ts';
import { FACETS } from '../lib/search/search-facets.ts';
import { INVOLVEMENT_LABELS } from '../lib/record/labels.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResponse {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (query: string | null, options: object) => Promise<PagefindResponse | null>;
}

/** Results shown per step: each one costs a fragment download, so the first query stays small. */
const PAGE_SIZE = 10;

/** How a search changes the browser's history: typing replaces the entry, a submit or a filter adds one. */
type HistoryMode = 'push' | 'replace' | 'none';

export async function startSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const status = document.querySelector<HTMLElement>('#results-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const empty = document.querySelector<HTMLElement>('#search-empty')!;
  const template = document.querySelector<HTMLTemplateElement>('#result-template')!;
  const query = form.querySelector<HTMLInputElement>('#search-query')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const chips = document.querySelector<HTMLUListElement>('#search-chips')!;
  const chipTemplate = document.querySelector<HTMLTemplateElement>('#chip-template')!;
  let pending: PagefindResponse['results'] = [];
  form.hidden = false;
  setUpDrawer(form);
  setUpShowAll(form);

  // Loaded at run time from the built index, not bundled: a path Vite must not resolve.
  const pagefindPath = '/pagefind/pagefind.js';
  const ready = import(/* @vite-ignore */ pagefindPath).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });

  // Pagefind counts results per filter value only once its filter index is loaded: all of it, a
  // few hundred KB for a large atlas. So it is loaded as soon as a query or filter makes the
  // build-time counts wrong (counts must be right on first paint, and a phone never hovers), or
  // when the reader turns to the filters; a plain visit to /search/ does without it.
  const facets = document.querySelector<HTMLElement>('.facets')!;
  let counting: Promise<unknown> | undefined;
  const startCounting = () => (counting ??= ready.then((pagefind) => pagefind.filters()));
  for (const event of ['pointerenter', 'focusin', 'touchstart']) facets.addEventListener(event, () => void startCounting(), { once: true, passive: true });

  let current = 0;
  async function run(state: SearchState, mode: HistoryMode): Promise<void> {
    const run = ++current;
    writeForm(form, state);
    renderChips(chips, chipTemplate, form);
    const url = `/search/${serializeSearchState(state)}`;
    if (mode === 'push' && url !== location.pathname + location.search) history.pushState(null, '', url);
    if (mode === 'replace') history.replaceState(null, '', url);
    status.textContent = 'Searching…';
    const effective = { ...state, sort: effectiveSort(state) };
    const pagefind = await ready;
    if (!isEmptyState(state)) await startCounting();
    const response = await pagefind.search(state.query || null, pagefindOptions(effective));
    if (run !== current || !response) return;
    // Not yet counted: without a query or filter, the counts written into the page at build time
    // are the right ones; with one, they are hidden.
    if (Object.keys(response.filters).length) updateCounts(response.filters);
    else showBuildCounts(isEmptyState(state));
    const page = await Promise.all(response.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (run !== current) return;
    list.replaceChildren(...page.map((data) => renderResult(template, data)));
    pending = response.results.slice(PAGE_SIZE);
    more.hidden = pending.length === 0;
    empty.hidden = page.length > 0;
    const total = response.results.length;
    status.textContent = isEmptyState(state)
      ? `All ${total} incidents, ${effective.sort === 'oldest' ? 'oldest' : 'newest'} first.`
      : total === 0 ? 'No results.' : `${total} incident${total === 1 ? '' : 's'} found.`;
  }

  more.addEventListener('click', async () => {
    const next = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = (await Promise.all(next.map((result) => result.data()))).map((data) => renderResult(template, data));
    list.append(...items);
    more.hidden = pending.length === 0;
    items[0]?.querySelector('a')?.focus();
  });

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void run(readForm(form), 'push');
  });
  form.addEventListener('change', (event) => {
    // The query box also fires change when it loses focus; typing has already updated the results.
    if (event.target === query) return;
    void run(readForm(form), 'push');
  });
  query.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(readForm(form), 'replace'), 250);
  });
  chips.addEventListener('click', (event) => {
    const chip = (event.target as Element).closest<HTMLButtonElement>('button.chip');
    const box = chip && form.querySelector<HTMLInputElement>(`input[name="${chip.dataset.param}"][value="${CSS.escape(chip.dataset.value ?? '')}"]`);
    if (!box) return;
    box.checked = false;
    void run(readForm(form), 'push');
    // Focus stays in the chips, or returns to the box when the last is gone.
    (chips.querySelector<HTMLButtonElement>('button.chip') ?? query).focus();
  });
  window.addEventListener('popstate', () => void run(parseSearchState(location.search), 'none'));
  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
      event.preventDefault();
      query.focus();
    }
  });
  await run(parseSearchState(location.search), 'none');
}

function readForm(form: HTMLFormElement): SearchState {
  const data = new FormData(form);
  const sort = form.querySelector<HTMLSelectElement>('#search-sort')!;
  if (sort.dataset.implicit === 'true' && sort.value === 'newest') data.delete('sort');
  const params = new URLSearchParams();
  for (const [key, value] of data) if (typeof value === 'string' && value) params.append(key, value);
  return parseSearchState(params.toString());
}

function writeForm(form: HTMLFormElement, state: SearchState): void {
  form.querySelector<HTMLInputElement>('#search-query')!.value = state.query;
  const sort = form.querySelector<HTMLSelectElement>('#search-sort')!;
  // Without words there is nothing to rank by: the control says what the order really is.
  sort.querySelector<HTMLOptionElement>('option[value="relevance"]')!.disabled = !state.query;
  sort.value = effectiveSort(state);
  // Marks "newest first" shown only because there are no words, so it is not read back as a choice.
  sort.dataset.implicit = String(!state.query && state.sort === 'relevance');
  for (const { param } of FACETS) {
    const selected = new Set(state.filters[param] ?? []);
    for (const box of form.querySelectorAll<HTMLInputElement>(`input[name="${param}"]`)) box.checked = selected.has(box.value);
  }
}

/** Shows how many results each filter value would leave, given the current query and filters. */
function updateCounts(filters: PagefindResponse['filters']): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-facet-count]')) {
    const [param, value] = element.dataset.facetCount!.split(/:(.*)/s) as [string, string];
    const count = filters[param]?.[value] ?? 0;
    element.textContent = String(count);
    element.hidden = false;
    element.closest('label')?.classList.toggle('is-empty', count === 0);
  }
}

/** Shows the counts the page was built with, or hides them where they would not describe the results. */
function showBuildCounts(visible: boolean): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-facet-count]')) element.hidden = !visible;
}

function renderResult(template: HTMLTemplateElement, data: PagefindResultData): HTMLElement {
  const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const link = item.querySelector('a')!;
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  item.querySelector('.result-date')!.textContent = data.meta.date ?? '';
  item.querySelector('.result-orgs')!.textContent = data.meta.organizations ?? '';
  item.querySelector('.result-flags')!.textContent = data.meta.flags ?? '';
  const severity = item.querySelector<HTMLElement>('.result-severity')!;
  severity.textContent = data.meta.severity ?? '';
  severity.classList.add(`badge-${data.meta.severity ?? 'neutral'}`);
  severity.hidden = !data.meta.severity;
  const involvement = data.meta.automation as keyof typeof INVOLVEMENT_LABELS | undefined;
  const automation = item.querySelector<HTMLElement>('.result-automation')!;
  automation.hidden = !involvement || involvement === 'none' || !Object.hasOwn(INVOLVEMENT_LABELS, involvement);
  if (!automation.hidden) {
    automation.textContent = INVOLVEMENT_LABELS[involvement!];
    automation.classList.add(`badge-${involvement}`);
  }
  item.querySelector('.result-excerpt')!.replaceChildren(...excerptNodes(data.excerpt));
  return item;
}

/** Pagefind excerpts are escaped text with <mark> around matches: keep exactly that, nothing else. */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

/** One removable chip per ticked filter, so what narrows the results is in view, on a phone too. */
function renderChips(list: HTMLUListElement, template: HTMLTemplateElement, form: HTMLFormElement): void {
  const ticked = [...form.querySelectorAll<HTMLInputElement>('.facets input[type="checkbox"]:checked')];
  list.replaceChildren(...ticked.map((box) => {
    const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    const button = item.querySelector<HTMLButtonElement>('button')!;
    button.dataset.param = box.name;
    button.dataset.value = box.value;
    button.setAttribute('aria-label', `Remove filter ${box.dataset.label ?? box.value}`);
    item.querySelector('.chip-label')!.textContent = box.dataset.label ?? box.value;
    return item;
  }));
  list.hidden = ticked.length === 0;
  const toggle = form.querySelector<HTMLButtonElement>('#filters-toggle')!;
  toggle.textContent = ticked.length ? `Filters (${ticked.length})` : 'Filters';
}

/** On a phone the filters are a drawer above the results, opened by a button. */
function setUpDrawer(form: HTMLFormElement): void {
  const toggle = form.querySelector<HTMLButtonElement>('#filters-toggle')!;
  const facets = form.querySelector<HTMLElement>('#search-facets')!;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    facets.classList.toggle('is-open', open);
  });
}

/** Long facets show their first options and a button for the rest; a ticked option always shows. */
function setUpShowAll(form: HTMLFormElement): void {
  for (const button of form.querySelectorAll<HTMLButtonElement>('.facet-all')) {
    const label = button.textContent ?? '';
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      button.closest('fieldset')!.classList.toggle('show-all', open);
      button.textContent = open ? 'Show fewer' : label;
    });
  }
}
