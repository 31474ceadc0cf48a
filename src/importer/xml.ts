import type { Element, Nodes, Root } from 'xast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { fromXml } from 'xast-util-from-xml';
import { ImportError } from './model.ts';
import { problems } from '../core/problems.ts';

/** Helpers for the XML files inside an EPUB (container.xml, the package document, toc.ncx). */

/** An XML document as a tree (HTML's named characters read too); an empty document when it cannot be read. */
export function parseXml(text: string | undefined): Root {
  try {
    return fromXml(withXmlEntities(withDeclaredEntities(text ?? '')));
  } catch {
    return { type: 'root', children: [] };
  }
}

/**
 * An XML document a reader cannot do without (a FictionBook, a WordPress export), read strictly:
 * one that is not well-formed is refused naming its line; one nested too deep for the parser
 * throws the parser's RangeError, which the importer reports as such (read.ts).
 */
export function parseXmlOrRefuse(text: string, file: string): Root {
  try {
    return fromXml(withXmlEntities(withDeclaredEntities(text)));
  } catch (error) {
    const { line, cause } = error as { line?: number; cause?: unknown };
    if (cause instanceof RangeError) throw cause;
    if (error instanceof RangeError) throw error;
    const reason = cause instanceof Error ? cause.message.split('\n', 1)[0]! : String(error);
    throw new ImportError(problems.BrokenXml.message(`${file}${line ? `:${line}` : ''}`, reason));
  }
}

/**
 * The most one entity a document declares may stand for, and the most all its uses may add: a
 * book's entities stand for a character or a phrase; a hostile book nests them to stand for
 * gigabytes (the "billion laughs").
 */
const entityLimits = { each: 10_000, total: 250_000 };

/** An entity's name, and a reference to one (`&hero;`). */
const entityName = '[A-Za-z_][\\w.-]{0,63}';
const entityReference = new RegExp(`&(${entityName});`, 'g');

/**
 * A document with the entities its DOCTYPE declares (`<!DOCTYPE html [<!ENTITY hero "Meg">]>`)
 * written out where it uses them, and the declarations taken out: the XML parser here reads no
 * declarations, and the document fell back to HTML, which showed `]>` above the text and
 * `&hero;` in it. Entities that name a file (`SYSTEM "file:///…"`) are never read, nor those
 * past the limits: their references stay as written. Only the document's start is searched.
 */
export function withDeclaredEntities(text: string): string {
  const doctype = /<!DOCTYPE\s+([^\s[>]+)[^[>]*\[([\s\S]*?)\]\s*>/i.exec(text.slice(0, 100_000));
  if (!doctype) return text;
  const entities = new Map<string, string>();
  const declared = new Set<string>();
  const declaration = new RegExp(`<!ENTITY\\s+(${entityName})\\s+(?:"([^"]*)"|'([^']*)')\\s*>`, 'g');
  for (const [, name, double, single] of doctype[2]!.matchAll(declaration)) {
    // The first declaration of a name is the one XML keeps.
    if (declared.has(name!)) continue;
    declared.add(name!);
    let unresolved = false;
    const value = (double ?? single)!.replace(entityReference, (reference, inner: string) => {
      if (entities.has(inner)) return entities.get(inner)!;
      unresolved ||= declared.has(inner);
      return reference;
    });
    if (!unresolved && value.length <= entityLimits.each) entities.set(name!, value);
  }
  let added = 0;
  const body = text.slice(doctype.index + doctype[0].length).replace(entityReference, (reference, name: string) => {
    const value = entities.get(name);
    if (value === undefined || added + value.length > entityLimits.total) return reference;
    added += value.length;
    return value;
  });
  return `${text.slice(0, doctype.index)}<!DOCTYPE ${doctype[1]}>${body}`;
}

/** XML knows five named characters; XHTML documents use HTML's (`&nbsp;`, `&eacute;`) too, read here as the characters they name. */
export function withXmlEntities(text: string): string {
  return text.replace(/&([A-Za-z][A-Za-z0-9]{1,31});/g, (reference, name: string) => {
    if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(name)) return reference;
    const character = decodeNamedCharacterReference(name);
    return character === false ? reference : character.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  });
}

/**
 * A metadata value with the character references a tool escaped twice read once more:
 * FanFicFare and Calibre write `Harry Potter &amp;amp; Hermione` into a book's metadata, which
 * every reader then shows as "Harry Potter &amp; Hermione". Text without such a reference is
 * returned as it is.
 */
export function decodedOnce(value: string): string {
  return value.replace(
    /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z][a-z\d]{1,31}));/gi,
    (reference, decimal?: string, hex?: string, name?: string) => {
      if (name !== undefined) {
        const character = decodeNamedCharacterReference(name);
        return character === false ? reference : character;
      }
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : reference;
    },
  );
}

/** The local part of a name, in lower case: `dc:title` → `title`, `opf:meta` → `meta`, `FictionBook` → `fictionbook`. */
export const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/** The elements directly in a node (those named `name`, namespace prefix ignored, when given), in order. */
export function childElements(node: Element | Root | undefined, name?: string): Element[] {
  return (node?.children ?? []).filter(
    (child): child is Element => child.type === 'element' && (name === undefined || local(child.name) === name),
  );
}

/** Every element named `name` (namespace prefix ignored), in document order. */
export function elements(node: Nodes, name: string): Element[] {
  const found: Element[] = [];
  const walk = (current: Nodes) => {
    if (current.type === 'element' && local(current.name) === name) found.push(current);
    if ('children' in current) for (const child of current.children) walk(child);
  };
  walk(node);
  return found;
}

/** The first element named `name`. */
export function element(node: Nodes, name: string): Element | undefined {
  return elements(node, name)[0];
}

/** An attribute's value, whatever its prefix (`opf:role`, `role`). */
export function attribute(node: Element | undefined, name: string): string | undefined {
  if (!node) return undefined;
  const key = Object.keys(node.attributes).find((key) => local(key) === name);
  const value = key === undefined ? undefined : node.attributes[key];
  return value === null || value === undefined ? undefined : String(value);
}

/** The text of an element, spaces folded. */
export function text(node: Nodes | undefined): string {
  if (!node) return '';
  if (node.type === 'text' || node.type === 'cdata') return node.value;
  if ('children' in node) return node.children.map(text).join('').replace(/\s+/g, ' ').trim();
  return '';
}
