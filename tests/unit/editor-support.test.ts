import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEditorFiles } from '../../src/lib/contributing/editor-setup.ts';
import { collectionsManifest, FRONTMATTER_SCHEMA_NAME } from '../../src/lib/contributing/editor-schemas.ts';
import { LspClient } from '../support/lsp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const serverScript = (pkg: string, bin: string) => join(dirname(require.resolve(`${pkg}/package.json`)), bin);

describe('editor schemas', () => {
  it('map each record file to the frontmatter schema, as the Astro language server looks them up', () => {
    const manifest = collectionsManifest('file:///home/Ana%20B/atlas', ['content/incidents/2025-12-X.mdx']);
    expect(manifest).toEqual({
      collections: [{ name: FRONTMATTER_SCHEMA_NAME, hasSchema: true }],
      entries: { 'file:///home/ana b/atlas/content/incidents/2025-12-x.mdx': FRONTMATTER_SCHEMA_NAME },
    });
  });
});

// The real language servers editors run, given the files `npm install` writes and the committed
// workspace settings: what a contributor sees while typing.
describe('editors check and complete content as it is typed', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'atlas-editor-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
    return join(workspace, path);
  };
  const record = write('content/incidents/2025-12-probe.mdx', '---\ntitle: Probe\nstatus: publishd\noccurred:\n  start: 2025-13\nimpact:\n  \n  severity: high\nbogus: 1\n---\n\nBody\n');
  const organization = write('content/organizations/probe.yaml', 'name: Probe\nurl: ftp://probe.example\nwebsite: x\n');
  writeEditorFiles(workspace);

  it('record frontmatter, through the Astro extension’s language server', async () => {
    const client = new LspClient(serverScript('@astrojs/language-server', 'bin/nodeServer.js'));
    try {
      await client.initialize(workspace, { typescript: { tsdk: dirname(require.resolve('typescript')) }, contentIntellisense: true });
      const uri = client.open(record, 'mdx', readFileSync(record, 'utf8'));
      let messages: { line: number; message: string }[] = [];
      for (let tries = 0; tries < 50 && !messages.length; tries++) {
        messages = await client.diagnostics(uri, { pull: true });
        if (!messages.length) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(messages).toEqual(
        expect.arrayContaining([
          { line: 3, message: 'Value is not accepted. Valid values: "published", "draft", "withdrawn".' },
          { line: 5, message: 'Write a date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm with Z or ±hh:mm.' },
          { line: 9, message: 'Property bogus is not allowed.' },
        ]),
      );
      expect(await client.completions(uri, 7, 2)).toEqual(expect.arrayContaining(['summary', 'data_loss', 'people_affected']));
    } finally {
      client.close();
    }
  }, 60_000);

  it('organization files, through the YAML extension’s language server with the workspace settings', async () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    const client = new LspClient(serverScript('yaml-language-server', 'bin/yaml-language-server'), {
      yaml: { validate: true, completion: true, schemas: settings['yaml.schemas'] },
    });
    try {
      await client.initialize(workspace, {});
      const uri = client.open(organization, 'yaml', readFileSync(organization, 'utf8'));
      expect(await client.diagnostics(uri, { pull: false })).toEqual([
        { line: 2, message: 'Use an absolute http(s) URL to a public host, without spaces or a user name before the host.' },
        { line: 3, message: 'Property website is not allowed.' },
      ]);
      expect(await client.completions(uri, 4, 0)).toEqual(expect.arrayContaining(['aliases', 'description']));
    } finally {
      client.close();
    }
  }, 60_000);
});
