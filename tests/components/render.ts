import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { parseHTML } from 'linkedom';
import { stringsFor } from '../../src/shared/i18n';

/** Renders a component as a page would (its strings in `language`) and parses the result. */
export async function render(component: AstroComponentFactory, props: Record<string, unknown>, language = 'en'): Promise<Document> {
  const container = await AstroContainer.create();
  const html = await container.renderToString(component, { props, locals: { t: stringsFor(language) } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}
