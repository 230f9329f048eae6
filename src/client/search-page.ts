// The search page's only script: reads the state from the URL, queries Pagefind, renders results.
import { isEmptyState, pagefindOptions, parseSearchState, serializeSearchState, type SearchState } from '../lib/search/search-state.ts';
import { FACETS } from '../lib/search/search-facets.ts';

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

export async function startSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const status = document.querySelector<HTMLElement>('#results-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const empty = document.querySelector<HTMLElement>('#search-empty')!;
  const template = document.querySelector<HTMLTemplateElement>('#result-template')!;
  const query = form.querySelector<HTMLInputElement>('#search-query')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  let pending: PagefindResponse['results'] = [];

  // Loaded at run time from the built index, not bundled: a path Vite must not resolve.
  const pagefindPath = '/pagefind/pagefind.js';
  const ready = import(/* @vite-ignore */ pagefindPath).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });

  // Pagefind counts results per filter value only once its filter index is loaded: all of it, a
  // few hundred KB for a large atlas. So it is loaded when the reader turns to the filters, not
  // for every first query; until then the counts of a query are hidden rather than shown wrong.
  const facets = document.querySelector<HTMLElement>('.facets')!;
  let counting = false;
  const startCounting = () => {
    if (counting) return;
    counting = true;
    void ready.then((pagefind) => pagefind.filters()).then(() => run(readForm(form), false));
  };
  for (const event of ['pointerenter', 'focusin', 'touchstart']) facets.addEventListener(event, startCounting, { once: true, passive: true });

  let current = 0;
  async function run(state: SearchState, push: boolean): Promise<void> {
    const run = ++current;
    writeForm(form, state);
    if (push) history.pushState(null, '', `/search/${serializeSearchState(state)}`);
    status.textContent = 'Searching…';
    // With nothing asked, list every incident newest first rather than in index order.
    const effective = isEmptyState(state) && state.sort === 'relevance' ? { ...state, sort: 'newest' as const } : state;
    const pagefind = await ready;
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
    void run(readForm(form), true);
  });
  form.addEventListener('change', () => void run(readForm(form), true));
  query.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(readForm(form), true), 250);
  });
  window.addEventListener('popstate', () => void run(parseSearchState(location.search), false));
  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
      event.preventDefault();
      query.focus();
    }
  });
  await run(parseSearchState(location.search), false);
}

function readForm(form: HTMLFormElement): SearchState {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [key, value] of data) if (typeof value === 'string' && value) params.append(key, value);
  return parseSearchState(params.toString());
}

function writeForm(form: HTMLFormElement, state: SearchState): void {
  form.querySelector<HTMLInputElement>('#search-query')!.value = state.query;
  form.querySelector<HTMLSelectElement>('#search-sort')!.value = state.sort;
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
