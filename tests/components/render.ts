import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { parseHTML } from 'linkedom';
import { stringsFor } from '../../src/shared/i18n';

/** Renders a component as a page would (its strings in `language`, with the author's own `labels`) and parses the result, the page's `<html lang>` the story's. */
export async function render(
  component: AstroComponentFactory,
  props: Record<string, unknown>,
  language = 'en',
  labels: Record<string, string> = {},
): Promise<Document> {
  const container = await AstroContainer.create();
  const html = await container.renderToString(component, { props, locals: { t: stringsFor(language, labels) } });
  return parseHTML(`<!doctype html><html lang="${language}"><body>${html}</body></html>`).document;
}
