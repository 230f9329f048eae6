import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { exportRecordFile, jsonFileText, type ExportedDataset } from '../lib/export.ts';

/**
 * `/data/incidents/<id>.json`, one file per record. A build splits them from the written
 * `/data/incidents.json`, so each is its record's entry in the whole, byte for byte the same
 * data; as one Astro route per record they cost more in framework overhead (about 6 s at 10,000
 * records) than everything else they do. The dev server serves them from an injected route.
 */
export function recordFiles(): AstroIntegration {
  return {
    name: 'incident-atlas-record-files',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/data/incidents/[id].json', entrypoint: new URL('../routes/record-json.ts', import.meta.url) });
      },
      'astro:build:done': ({ dir, logger }) => {
        const dataDir = join(fileURLToPath(dir), 'data');
        const dataset = JSON.parse(readFileSync(join(dataDir, 'incidents.json'), 'utf8')) as ExportedDataset;
        mkdirSync(join(dataDir, 'incidents'), { recursive: true });
        for (const incident of dataset.incidents) writeFileSync(join(dataDir, 'incidents', `${incident.id}.json`), jsonFileText(exportRecordFile(dataset, incident)));
        logger.info(`Wrote ${dataset.incidents.length} record files under /data/incidents/`);
      },
    },
  };
}
