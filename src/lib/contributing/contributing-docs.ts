import { BODY_COMPONENTS } from '../../body/components.ts';
import { SITE } from '../../site.ts';
import { CLAIM_STATUSES } from '../../schema/claim.ts';
import { SEVERITIES } from '../../schema/impact.ts';
import { CLAIM_STATUS_NOTES } from '../record/labels.ts';
import { SEVERITY_GUIDANCE, SEVERITY_RUBRIC } from '../record/severity-rubric.ts';

/**
 * The parts of the contributing guide (CONTRIBUTING.md, shown at /contribute/) and of the
 * pull-request template that are generated from the code, so the documentation cannot drift
 * from what the validator enforces. Each sits between `<!-- generated:name -->` and
 * `<!-- /generated:name -->`; `npm run docs` rewrites them and a test fails when they are stale.
 */

/** The files that hold generated blocks, relative to the project root. */
export const GENERATED_DOCUMENTS = ['CONTRIBUTING.md', '.github/pull_request_template.md'] as const;

/** What a reviewer checks, and what a contributor confirms in the pull request. */
export const REVIEW_CHECKLIST = [
  '`npm run validate` passes for every file changed.',
  'Every fact is backed by a source listed under `sources` that the author has read, and is cited where it is stated.',
  'Primary sources (postmortems, statements, filings, first-hand accounts) come first; news and analysis add to them.',
  'Each source that could disappear has an archived copy in `archived`.',
  'Anything contested or single-sourced is a claim with its status and both sides, not a plain statement.',
  'The title, summary and account are neutral: no blame, no speculation, no adjectives the sources do not support.',
  'The severity follows the rubric; cause categories and safeguard kinds follow their definitions.',
  'The account is in the contributor’s own words; quotations are short, marked and cited.',
  'Ids and file names of existing records are unchanged (a rename needs a redirect).',
];

function componentsBlock(): string {
  return Object.entries(BODY_COMPONENTS)
    .map(([name, spec]) => {
      const attributes = Object.entries(spec.attributes)
        .map(([attribute, { required }]) => `\`${attribute}\`${required ? '' : ' (optional)'}`)
        .join(', ');
      const form = spec.hasChildren ? `\`<${name} …>\` … \`</${name}>\`, on lines of its own` : `\`<${name} … />\`, inline`;
      return `- **\`${name}\`**: ${spec.purpose} Written ${form}; attributes: ${attributes}.\n\n  \`\`\`mdx\n  ${spec.example}\n  \`\`\``;
    })
    .join('\n\n');
}

function severityBlock(): string {
  const levels = SEVERITIES.map((level) => {
    const { definition, examples } = SEVERITY_RUBRIC[level];
    const links = examples.map((id) => `[${id}](${new URL(`/incidents/${id}/`, SITE.url).href})`);
    return `- **\`${level}\`**: ${definition}${links.length ? ` Rated so: ${links.join(', ')}.` : ''}`;
  });
  return [...levels, '', 'Choosing between levels:', '', ...SEVERITY_GUIDANCE.map((line) => `- ${line}`)].join('\n');
}

function claimStatusesBlock(): string {
  return CLAIM_STATUSES.map((status) => `- \`${status}\`: ${CLAIM_STATUS_NOTES[status]}.`).join('\n');
}

/** As tick boxes for the pull-request form, or as a plain list for the guide (a web page has nothing to tick). */
function checklistBlock(boxes: boolean): string {
  return REVIEW_CHECKLIST.map((item) => `- ${boxes ? '[ ] ' : ''}${item}`).join('\n');
}

/** Every generated block by name. */
export function generatedBlocks(): Record<string, string> {
  return { components: componentsBlock(), severity: severityBlock(), 'claim-statuses': claimStatusesBlock(), checklist: checklistBlock(true), 'review-checklist': checklistBlock(false) };
}

/**
 * Rewrites every generated block found in `text` with its current content. Blocks the text does
 * not contain are left out; an unknown block name is an error.
 */
export function syncGeneratedBlocks(text: string, blocks: Record<string, string> = generatedBlocks()): string {
  return text.replace(/(<!-- generated:([a-z-]+) -->\n)[\s\S]*?(<!-- \/generated:\2 -->)/g, (_match, open: string, name: string, close: string) => {
    const block = blocks[name];
    if (block === undefined) throw new Error(`unknown generated block "${name}"`);
    return `${open}${block}\n${close}`;
  });
}
