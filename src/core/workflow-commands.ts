import { printable } from './characters.ts';

/** The message part of a GitHub Actions workflow command: on one line, with the characters the runner decodes escaped. */
export function workflowData(text: string): string {
  return printable(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property of a workflow command (`file=…`), where `:` and `,` would end the value. */
export function workflowProperty(text: string): string {
  return workflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
