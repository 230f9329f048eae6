import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * A build either finishes, every check after the pages included, or leaves no output folder:
 * a failed build must not leave a half-written site that a later step could publish. Listed
 * last, so that it sees the build through only once every other integration's checks passed.
 */
export function completeOutput(): AstroIntegration {
  let outDir: string | undefined;
  let finished = false;
  return {
    name: 'incident-atlas-complete-output',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        // However the build stops (a content problem, a failed check, an exception), the process exits.
        process.once('exit', () => {
          if (!finished && outDir) rmSync(outDir, { recursive: true, force: true });
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': () => {
        finished = true;
      },
    },
  };
}
