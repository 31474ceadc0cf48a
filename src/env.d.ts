/** True in `astro dev` only: drafts and scheduled chapters are previewed there, never built (see `src/integrations/preview.ts`). */
declare const __QUIRE_PREVIEW__: boolean;
/** A digest of the code that writes the EPUB (`src/source/code-version.ts`), or '' when it could not be read: what its cached documents are keyed by. */
declare const __QUIRE_EPUB_CODE__: string;

declare namespace App {
  interface Locals {
    /** The user-facing strings in the story's language (set by `src/middleware.ts`). */
    t: import('./shared/i18n/strings.ts').Translate;
  }
}

/** ES2025's `RegExp.escape`, in the Node the build runs on (24); TypeScript 5.9's libraries lack it. Build-side code only: browsers from before 2025 lack it too. */
interface RegExpConstructor {
  escape(text: string): string;
}
