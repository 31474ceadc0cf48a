import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';

/**
 * SVG pictures are documents: opened on their own (a picture in a new tab, a link to it) they
 * run their scripts on the site's origin, and they can load from other sites. A picture may
 * only draw. These keep SVGs to drawing: `svgThreats` says what in one would do more (the
 * build refuses such a picture, naming the file), `sanitizeSvg` removes it (the importer
 * cleans what archives and ebooks bring).
 */

/** The SVG elements a drawing is made of; anything else goes, with what it holds. */
const drawing = new Set(
  [
    'svg',
    'g',
    'defs',
    'desc',
    'title',
    'metadata',
    'symbol',
    'use',
    'switch',
    'path',
    'rect',
    'circle',
    'ellipse',
    'line',
    'polyline',
    'polygon',
    'text',
    'tspan',
    'textPath',
    'image',
    'linearGradient',
    'radialGradient',
    'stop',
    'pattern',
    'clipPath',
    'mask',
    'marker',
    'filter',
    'style',
    'view',
    'a',
  ].concat(
    'Blend ColorMatrix ComponentTransfer Composite ConvolveMatrix DiffuseLighting DisplacementMap DistantLight DropShadow Flood FuncA FuncB FuncG FuncR GaussianBlur Merge MergeNode Morphology Offset PointLight SpecularLighting SpotLight Tile Turbulence'
      .split(' ')
      .map((name) => `fe${name}`),
  ),
);

/** Names of what a picture must not hold, for messages. */
const named: Record<string, string> = {
  script: 'a script (<script>)',
  foreignObject: 'embedded HTML (<foreignObject>)',
  iframe: 'an embedded page (<iframe>)',
  object: 'an embedded object (<object>)',
  embed: 'an embedded object (<embed>)',
  handler: 'a script (<handler>)',
  listener: 'a script (<listener>)',
  set: 'an animation that can change links (<set>)',
  animate: 'an animation that can change links (<animate>)',
};

/** A reference a drawing may make: to a part of itself, or a picture carried inside it. */
const localReference = /^\s*(?:#|data:image\/(?:png|jpeg|gif|webp);base64,)/i;
/** CSS that reaches outside the picture: `url(…)` other than `url(#part)`, `@import`, old script hooks. */
const outsideCss = /url\(\s*(?!['"]?#)|@import|expression\s*\(|behavior\s*:|-moz-binding/i;

interface Cleaning {
  /** What was found, each named once. */
  found: Set<string>;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function cleanElement(node: Element, cleaning: Cleaning): ElementContent[] {
  const name = localName(node.name);
  const prefixed = node.name.includes(':') && !node.name.startsWith('svg:');
  if (!drawing.has(name) || prefixed) {
    // Editors' own elements (sodipodi:namedview, inkscape:…) only describe the drawing.
    if (!prefixed) cleaning.found.add(named[name] ?? `an element no drawing needs (<${name}>)`);
    return [];
  }
  if (name === 'style' && outsideCss.test(textOf(node))) {
    cleaning.found.add('a style sheet that loads from elsewhere');
    return [];
  }
  const attributes: Element['attributes'] = {};
  for (const [key, value] of Object.entries(node.attributes)) {
    const attribute = localName(key).toLowerCase();
    const text = String(value ?? '');
    if (attribute.startsWith('on')) {
      cleaning.found.add(`an event handler (${key})`);
    } else if (attribute === 'href' || attribute === 'src') {
      if (localReference.test(text)) attributes[key] = value;
      else cleaning.found.add(`an outside reference (${key}="${text.length > 40 ? `${text.slice(0, 40)}…` : text}")`);
    } else if (/javascript:|vbscript:/i.test(text) || outsideCss.test(text)) {
      cleaning.found.add(`an outside reference (${key})`);
    } else {
      attributes[key] = value;
    }
  }
  const children = node.children.flatMap((child) => (child.type === 'element' ? cleanElement(child, cleaning) : [child]));
  // A link inside a picture is a way out of it: its contents stay, the link goes.
  if (name === 'a') return children;
  // A picture whose source went draws nothing.
  if (name === 'image' && !Object.keys(attributes).some((key) => /^(?:.*:)?href$/i.test(key))) return [];
  return [{ ...node, attributes, children }];
}

function textOf(node: Element): string {
  return node.children.map((child) => ('value' in child ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

/** An SVG document, cleaned: the drawing, and what was taken out of it (none for a safe picture). */
export function sanitizeSvg(text: string): { svg: string; removed: string[] } {
  let tree: Root;
  try {
    tree = fromXml(text);
  } catch (error) {
    const cause = (error as Error).cause;
    throw new Error(`not a well-formed SVG (${cause instanceof Error ? cause.message : (error as Error).message})`, { cause: error });
  }
  const cleaning: Cleaning = { found: new Set() };
  const root = tree.children.find((node): node is Element => node.type === 'element');
  if (!root || localName(root.name) !== 'svg') throw new Error('not an SVG picture (its root is not <svg>)');
  // The prolog (a DOCTYPE can declare entities) is not kept: only the drawing.
  const children = cleanElement(root, cleaning);
  return { svg: `${toXml({ type: 'root', children }, { closeEmptyElements: true, tightClose: true })}\n`, removed: [...cleaning.found] };
}

/** What in an SVG would run or reach outside the picture if the site published it; none for a safe one. */
export function svgThreats(text: string): string[] {
  return sanitizeSvg(text).removed.filter((what) => !what.startsWith('an element no drawing needs'));
}
