import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Class names authors may put on `<p>`, `<div>` and `<span>` (styled in global.css). */
export const allowedClasses = ['center', 'right', 'small-caps', 'smallcaps', 'underline'];

/**
 * What raw HTML in a chapter may keep: GitHub's safe subset (emphasis, links, images,
 * lists, tables…) plus the formatting fiction uses (small caps and other `<span>` classes,
 * centred or right-aligned text, `<u>`, `<small>`, `<mark>`, `<cite>`). Everything else is
 * removed before the page is built: `<script>`, `<style>` and `<iframe>` with their content,
 * `<object>`, `<embed>`, forms, inline event handlers, `style` attributes and `javascript:`
 * URLs. Our own ids and classes are added after this step, so it cannot strip them.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'input'), 'u', 'small', 'mark', 'cite', 'abbr'],
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'textarea', 'select', 'svg', 'math'],
  attributes: {
    ...defaultSchema.attributes,
    p: [['className', ...allowedClasses]],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', ...allowedClasses]],
    span: [['className', ...allowedClasses]],
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
  },
};
