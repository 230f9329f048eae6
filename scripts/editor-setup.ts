// npm run editor-setup — lets editors check and complete records and YAML files as you type.
// Runs after `npm install` too. It only writes into .astro/ (not committed) and never fails the install.
import { writeEditorFiles } from '../src/lib/contributing/editor-setup.ts';

try {
  const written = writeEditorFiles(process.cwd());
  console.log(`Editor schemas written (${written.length} files in .astro/collections/); see CONTRIBUTING.md, "Editor support".`);
} catch (error) {
  console.warn(`Editor schemas not written: ${error instanceof Error ? error.message : String(error)}`);
}
