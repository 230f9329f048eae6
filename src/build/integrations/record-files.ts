import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { exportRecordFile, jsonFileText, type ExportedDataset } from '../../lib/exports/export.ts';

/**
 * `/data/incidents/<id>.json`, one file per record. A build splits them from the written
 * `/data/incidents.json`, so each is its record's entry in the whole, the same data. As one Astro
 * route per record they cost mostly Astro's per-page overhead (at 2,000 records, 4,000 such routes
 * added 2.4 s to the pages phase). The dev server serves them from an injected route.
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
