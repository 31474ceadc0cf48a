import { language, messages, wording } from 'virtual:quire/strings';
import { createStrings, type Translate } from '../shared/i18n/strings.ts';

let strings: Translate | undefined;

/** The story's strings in its language, bundled at build time (src/integrations/strings.ts). */
export function siteStrings(): Translate {
  strings ??= createStrings(language, messages, wording);
  return strings;
}
