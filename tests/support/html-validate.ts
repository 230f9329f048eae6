import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Record titles are descriptive headlines by design; a 70-character limit is search-engine advice, not validity.
    'long-title': 'off',
    // Facet checkboxes share a name per facet, which is how HTML forms send several values.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
});

/** Validates a page's HTML; returns the problems as `rule: message (line)`. */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
}
