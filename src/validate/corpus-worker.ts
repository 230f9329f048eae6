// A worker thread of `loadCorpusInParallel`: checks its share of the record files and posts back
// each verdict, with the body rendered when asked. Trees are not kept, and positions stay behind:
// the main thread reads them again if needed.
import { parentPort, workerData } from 'node:worker_threads';
import { renderRecordBody } from '../body/render.ts';
import { createIncidentSchema } from '../schema/incident.ts';
import { checkRecordFile, type CorpusWorkerInput, type WorkerOutcome } from './corpus.ts';

const { root, names, nowMs, render } = workerData as CorpusWorkerInput;
const schema = createIncidentSchema(() => nowMs);
const outcomes = names.map((name): WorkerOutcome => {
  const { checked, ...outcome } = checkRecordFile(root, name, schema, render);
  if (!checked) return outcome;
  const { tree, positions: _positions, ...record } = checked;
  return { ...outcome, checked: render ? { ...record, rendered: renderRecordBody(tree, record.data) } : record };
});
parentPort!.postMessage(outcomes);
