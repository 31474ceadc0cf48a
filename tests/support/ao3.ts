/** An AO3 HTML download (the current layout), made in a test: the week-by-week downloads of one work. */
export interface Ao3Chapter {
  title: string;
  summary?: string;
  notes?: string;
  paragraphs: string[];
}

export function ao3Work(work: {
  title: string;
  url: string;
  summary: string;
  tags: string[];
  chapters: Ao3Chapter[];
  /** The chapters the author expects, `?` when unknown. */
  expected: number | '?';
  published: string;
  updated: string;
}): string {
  const tag = (name: string) => `<a href="https://archiveofourown.org/tags/${encodeURIComponent(name)}">${name}</a>`;
  const chapters = work.chapters
    .map(
      (chapter, index) => `
      <div class="meta group">
  <h2 class="heading">Chapter ${index + 1}${chapter.title ? `: ${chapter.title}` : ''}</h2>
${chapter.summary ? `    <p>Chapter Summary</p>\n    <blockquote class="userstuff"><p>${chapter.summary}</p></blockquote>` : ''}
${chapter.notes ? `    <p>Chapter Notes</p>\n    <blockquote class="userstuff"><p>${chapter.notes}</p></blockquote>` : ''}
</div>
<!--chapter content-->
<div class="userstuff">
${chapter.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</div>
<!--/chapter content-->`,
    )
    .join('\n');
  const complete = work.expected === work.chapters.length;
  return `<!DOCTYPE html>
<html><head><meta charset="UTF-8"/><title>${work.title} - Wren_Ashdown [Archive of Our Own]</title></head>
<body>
<div id="preface">
  <h2 class="toc-heading">Preface</h2>
  <p class="message"><b>${work.title}</b><br/>
    Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="${work.url}">${work.url}</a>.</p>
  <div class="meta">
    <dl class="tags">
      <dt>Rating:</dt><dd>${tag('General Audiences')}</dd>
      <dt>Archive Warnings:</dt><dd>${tag('No Archive Warnings Apply')}</dd>
      <dt>Fandom:</dt><dd>${tag('Phantom of the Opera - Gaston Leroux')}</dd>
      <dt>Additional Tags:</dt><dd>${work.tags.map(tag).join(', ')}</dd>
      <dt>Language:</dt><dd>English</dd>
      <dt>Stats:</dt>
      <dd>Published: ${work.published} ${complete ? 'Completed' : 'Updated'}: ${work.updated} Words: 100 Chapters: ${work.chapters.length}/${work.expected}</dd>
    </dl>
    <h1>${work.title}</h1>
    <div class="byline">by <a rel="author" href="https://archiveofourown.org/users/Wren_Ashdown/pseuds/Wren_Ashdown">Wren_Ashdown</a></div>
    <p>Summary</p>
    <blockquote class="userstuff"><p>${work.summary}</p></blockquote>
  </div>
</div>
<div id="chapters" class="userstuff">
${chapters}
</div>
<div id="afterword"><h2 class="toc-heading">Afterword</h2>
  <p class="message">Please <a href="${work.url}/comments/new">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>
</body></html>`;
}
