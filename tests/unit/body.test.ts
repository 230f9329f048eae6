import { describe, expect, it } from 'vitest';
import { findUnsafeBytes } from '../../src/validate/read-file.ts';
import { checkBody } from '../../src/body/check.ts';
import { renderBody } from '../../src/body/render.ts';
import { isSafeHref } from '../../src/body/rules/safe-urls.ts';

const SOURCES = new Set(['postmortem', 'news']);
const problems = (body: string) => checkBody(body, SOURCES).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('body checks (parse only)', () => {
  it('accepts prose with the allowed Markdown and components', () => {
    const body = [
      '## What happened', '', 'Text with **bold**, `code {braces}` and a [link](https://example.org). <Cite ids="postmortem news" />', '',
      '<Aside kind="warning" title="Careful">', 'Inside *an aside*.', '</Aside>', '',
      '- item', '- [site](/incidents/) and [anchor](#sources)', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', 'Note.[^1]', '', '[^1]: A footnote.',
    ].join('\n');
    expect(problems(body)).toEqual([]);
    expect([...checkBody(body, SOURCES).cited]).toEqual(['postmortem', 'news']);
  });

  it.each([
    ['import x from "y"', /import\/export/],
    ['export default 1', /import\/export/],
    ['{1 + 1}', /expressions/],
    ['Text {x} here', /expressions/],
    ['<div>raw</div>', /raw HTML <div>/],
    ['<Widget />', /component <Widget>/],
    ['<Cite ids="nope" />', /not listed under sources/],
    ['<Cite ids={x} />', /quoted string/],
    ['<Cite {...x} />', /spread/],
    ['<Cite />', /needs the attribute ids/],
    ['<Aside kind="note" style="color:red">\nx\n</Aside>', /no attribute "style"/],
    ['Text <Aside kind="note">inline</Aside> text', /own lines/],
    ['[x](javascript:alert(1))', /not allowed/],
    ['[x](JAVASCRIPT:alert(1))', /not allowed/],
    ['[x][y]\n\n[y]: data:text/html,hi', /not allowed/],
    ['![x](https://example.org/a.png)', /images/],
    ['# Title', /level-1/],
    ['<!-- comment -->', /MDX syntax/],
  ])('rejects %j', (body, message) => {
    const found = problems(body);
    expect(found.length, body).toBeGreaterThan(0);
    expect(found.some((p) => message.test(p)), found.join('\n')).toBe(true);
  });

  it('locates problems at the node, in file coordinates', () => {
    expect(problems('\n\n\nSome text\n\nMore <b>x</b>')[0]).toMatch(/^6:6 /);
  });

  it('allows only http(s), site paths and anchors as link targets', () => {
    for (const ok of ['https://a.org', 'HTTP://A.ORG/x', '/incidents/', '#sources', 'mailto:security@example.com']) expect(isSafeHref(ok), ok).toBe(true);
    for (const bad of ['javascript:x', 'java\tscript:x', ' data:x', 'vbscript:x', '//evil.org', '/\\evil.org', 'mailto:a@b.c?body=x', 'mailto:a@b.c,c@d.e', 'file:///etc/passwd', 'incidents/']) expect(isSafeHref(bad), bad).toBe(false);
  });

  it('finds control and bidirectional characters with their position', () => {
    expect(findUnsafeBytes('ok\nab\u202Ecd')).toEqual([{ line: 2, column: 3, field: 'file', message: 'U+202E (right-to-left override) is not allowed in a content file; delete it' }]);
    expect(findUnsafeBytes('a\r\nb\u0000\nc\u001b[31m\u0085')).toEqual([
      { line: 2, column: 2, field: 'file', message: 'U+0000 (null) is not allowed in a content file; delete it' },
      { line: 3, column: 2, field: 'file', message: 'U+001B (escape) is not allowed in a content file; delete it' },
      { line: 3, column: 7, field: 'file', message: 'U+0085 (control character) is not allowed in a content file; delete it' },
    ]);
    expect(findUnsafeBytes('plain text, élan, 日本語, \u0627\u061C\u0628 \u200F')).toEqual([]);
  });
});

describe('body rendering', () => {
  const render = (body: string) => {
    const { tree, problems: found } = checkBody(body, SOURCES);
    expect(found).toEqual([]);
    return renderBody(tree!, new Map([['postmortem', 1], ['news', 2]]));
  };

  it('renders components to static HTML with numbered citations', () => {
    const { html } = render('Fact. <Cite ids="news postmortem" />\n\n<Aside kind="lesson">\nDo *this*.\n</Aside>');
    expect(html).toContain('<sup class="cite" id="cite-b0" data-pagefind-ignore>[<a href="#source-news" aria-label="Source 2">2</a>, <a href="#source-postmortem" aria-label="Source 1">1</a>]</sup>');
    expect(html).toContain('<aside class="aside aside-lesson" aria-label="Lesson"><p class="aside-title">Lesson</p><p>Do <em>this</em>.</p>');
  });

  it('escapes text and collects headings with unique slugs', () => {
    const { html, headings } = render('## A & B\n\n## A & B\n\nx < y and `<script>`');
    expect(headings).toEqual([{ depth: 3, slug: 'account-a--b', text: 'A & B' }, { depth: 3, slug: 'account-a--b-1', text: 'A & B' }]);
    expect(html).toContain('<h3 id="account-a--b">A &#38; B</h3>');
    expect(html).toContain('x &#60; y and <code>&#60;script&#62;</code>');
    expect(html).not.toContain('<script>');
  });

  it('resolves reference links and renders footnotes and tables', () => {
    const { html } = render('See [it][ref].[^n]\n\n[ref]: https://example.org "Title"\n\n[^n]: Note.\n\n| a | b |\n| :- | -: |\n| 1 | 2 |');
    expect(html).toContain('<a href="https://example.org" title="Title" rel="external">it</a>');
    expect(html).toContain('<section class="footnotes"');
    expect(html).toContain('<td class="align-right">2</td>');
  });
});
