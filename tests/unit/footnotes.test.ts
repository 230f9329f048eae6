import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/body/check.ts';
import { renderBody } from '../../src/body/render.ts';

function render(body: string) {
  const checked = checkBody(`${body}\n`, new Set(['a']));
  expect(checked.problems).toEqual([]);
  return renderBody(checked.tree!, new Map([['a', 1]])).html;
}

/** Every id on the rendered body, and every in-page link. */
function anchors(html: string) {
  return {
    ids: [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!),
    links: [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]!),
  };
}

describe('footnotes', () => {
  it('give any label ids that match their links: numbers, in the order the text marks them', () => {
    const html = render('One[^café] and two[^Über-Note].\n\n[^café]: First.\n\n[^Über-Note]: Second.');
    const { ids, links } = anchors(html);
    expect(ids).toEqual(['fnref-1', 'fnref-2', 'fn-1', 'fn-2']);
    expect(links.sort()).toEqual(['fn-1', 'fn-2', 'fnref-1', 'fnref-2']);
  });

  it('render a note marked only from another note, after it', () => {
    const html = render('Text[^a].\n\n[^a]: See [^b].\n\n[^b]: Detail. <Cite ids="a" />');
    expect(html).toMatch(/<li id="fn-1">.*href="#fn-2" id="fnref-2".*<\/li>\n<li id="fn-2">.*Detail\..*class="cite"/s);
  });

  it('give every mark of one note an id of its own, a note that marks itself included', () => {
    const { ids, links } = anchors(render('Text[^n] and again[^n].\n\n[^n]: A note that marks itself[^n].'));
    expect(ids).toEqual(['fnref-1', 'fnref-1-2', 'fn-1', 'fnref-1-3']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const link of links) expect(ids).toContain(link);
  });

  it('refuse notes the text never reaches, and notes defined twice, at the note', () => {
    const messages = (body: string) => checkBody(`${body}\n`, new Set(['a'])).problems.map((p) => [p.line, p.message]);
    expect(messages('Text.\n\n[^x]: Orphan <Cite ids="a" />')).toEqual([[3, expect.stringMatching(/\[\^x\] is never referenced/)]]);
    expect(messages('Text.\n\n[^x]: Loop [^x].')).toEqual([[3, expect.stringMatching(/never referenced/)]]);
    expect(messages('Text[^x].\n\n[^x]: One.\n\n[^x]: Two.')).toEqual([[5, expect.stringMatching(/defined twice/)]]);
  });
});
