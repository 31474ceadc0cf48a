import type { VFile } from 'vfile';

/**
 * The Markdown a file holds, in lines, split once for every plugin that reads the text as typed
 * at a node's line (a list's first line, a heading's underline, a fence).
 */
export function sourceLines(file: VFile): string[] {
  return (file.data.sourceLines ??= String(file.value).split(/\r?\n/));
}

/**
 * The fence a line opens a code block with (```` ``` ````, `~~~`), if it does: indented any
 * amount, as Markdown reads it once indented code is off (remarkIndentedParagraphs).
 */
export function fenceOpened(line: string): string | undefined {
  return /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
}

/** Whether a line closes the code block `fence` opened: that fence's character alone, as many times or more. */
export function closesFence(line: string, fence: string): boolean {
  const typed = line.trim();
  return typed.length >= fence.length && [...typed].every((char) => char === fence[0]);
}

/** Whether each line is in fenced code, its opening and closing fences included: read in one pass. */
export function fencedLines(lines: readonly string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    if (fence === undefined) fence = fenceOpened(line);
    else if (closesFence(line, fence)) {
      fence = undefined;
      return true;
    }
    return fence !== undefined;
  });
}

declare module 'vfile' {
  interface DataMap {
    sourceLines: string[];
  }
}
