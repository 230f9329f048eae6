import type { AstroIntegration } from 'astro';

/** The part of a Sätteri hast visitor context this plugin uses. */
interface VisitContext {
  setProperty(node: unknown, name: string, value: string): void;
}

/**
 * Code blocks in Markdown pages (the contributing guide) keep their indentation and scroll
 * sideways on narrow screens; `tabindex="0"` makes each scrollable with the keyboard, as code in
 * record bodies is. Added to the Markdown processor's HTML plugins, which integrations may extend.
 */
export function focusableCodeBlocks(): AstroIntegration {
  const plugin = () => ({
    name: 'focusable-code-blocks',
    element: { filter: ['pre'], visit: (node: unknown, ctx: VisitContext) => ctx.setProperty(node, 'tabindex', '0') },
  });
  return {
    name: 'incident-atlas-focusable-code',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const options = config.markdown.processor.options as { hastPlugins?: unknown[] };
        (options.hastPlugins ??= []).push(plugin);
      },
    },
  };
}
