import { closest } from '../core/suggest.ts';

/**
 * The components a record body may use: the whole allowlist. Each names its attributes
 * and how a value is checked; rendering to static HTML lives in `render.ts`.
 */

/** Facts about the record that component attributes are checked against. */
export interface ComponentContext {
  /** Ids of the record's sources. */
  sourceIds: ReadonlySet<string>;
}

export interface AttributeSpec {
  required: boolean;
  /** Returns a message when the value is wrong. */
  check: (value: string, context: ComponentContext) => string | undefined;
}

export interface ComponentSpec {
  /** What the component is for, shown in the contributing guide. */
  purpose: string;
  /** Example use, shown in the contributing guide. */
  example: string;
  attributes: Record<string, AttributeSpec>;
  /** Whether the component wraps Markdown content (Aside) or stands alone (Cite). */
  hasChildren: boolean;
}

export const ASIDE_KINDS = ['note', 'warning', 'lesson'] as const;

/** Splits a `Cite` `ids` attribute: source ids separated by spaces or commas. */
export function citedIds(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

export const BODY_COMPONENTS: Record<string, ComponentSpec> = {
  Cite: {
    purpose: 'Marks the sources behind the preceding sentence; renders as numbered links to the source list.',
    example: 'Service was restored after about 13 hours. <Cite ids="ft-report amazon-statement" />',
    hasChildren: false,
    attributes: {
      ids: {
        required: true,
        check: (value, { sourceIds }) => {
          const ids = citedIds(value);
          if (!ids.length) return 'must name at least one source id';
          const unknown = ids.filter((id) => !sourceIds.has(id));
          if (!unknown.length) return undefined;
          const named = unknown.map((id) => {
            const suggestion = closest(id, sourceIds);
            return suggestion ? `"${id}" (did you mean "${suggestion}"?)` : `"${id}"`;
          });
          return `cites ${named.join(', ')}, not listed under sources`;
        },
      },
    },
  },
  Aside: {
    purpose: 'Sets a note, a warning or a lesson apart from the running text.',
    example: '<Aside kind="lesson" title="Permissions">Agents should not inherit an operator\'s rights.</Aside>',
    hasChildren: true,
    attributes: {
      kind: {
        required: true,
        check: (value) => ((ASIDE_KINDS as readonly string[]).includes(value) ? undefined : `must be one of ${ASIDE_KINDS.join(', ')}`),
      },
      title: { required: false, check: (value) => (value.trim() ? undefined : 'must not be empty') },
    },
  },
};
