import { strToU8, zipSync } from 'fflate';
import type { Highlight, Note } from '../annotations/types';
import type { PageGroup } from './bundle';
import { fileDate, slug, type ExportFile } from './files';

/**
 * Escapes text so Markdown shows it as written: notes and quotes are plain text in Gloss,
 * and a renderer that took `<script>` or `**` in them as markup would show something else.
 * Line breaks are kept, as plain newlines.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/**
 * A YAML double-quoted scalar. JSON strings are valid YAML; the line and paragraph
 * separators are escaped too because YAML 1.1 readers take them as line breaks.
 */
function yamlString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function yamlList(items: string[]): string {
  return `[${items.map(yamlString).join(', ')}]`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function link(url: string): string {
  return /^[^\s<>]+$/.test(url) ? `<${url}>` : markdownText(url);
}

function tagLine(tags: string[]): string[] {
  // A tag with a line break in it would end the line; on one line it reads the same.
  return tags.length ? [`Tags: ${tags.map((t) => markdownText(t.replace(/\s+/g, ' '))).join(', ')}`] : [];
}

function noteLines(text: string): string[] {
  return text ? [markdownText(text)] : [];
}

function highlightBlock(h: Highlight): string {
  const quote = markdownText(h.quote.exact)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  const meta = [`Colour: ${h.color}`, ...(h.orphan ? ['**not found on the page at the last visit**'] : [])].join(' · ');
  return [quote, '', meta, ...tagLine(h.tags), ...(h.note ? ['', ...noteLines(h.note)] : [])].join('\n');
}

function noteBlock(n: Note): string {
  return [...noteLines(n.text), ...tagLine(n.tags)].join('\n\n');
}

/** Every tag used on the page, for the front matter. */
function pageTags(group: PageGroup): string[] {
  const tags = [...group.highlights.flatMap((h) => h.tags), ...(group.pageNote?.tags ?? [])];
  return [...new Set(tags)];
}

/** A page's body: heading, URL, date read, highlights in page order, page note, entity notes. */
function pageBody(group: PageGroup, level: 1 | 2): string {
  const h = (n: number) => '#'.repeat(level + n - 1);
  const parts = [`${h(1)} ${markdownText(group.title)}`, link(group.source), `Read ${day(group.read)}`];
  if (group.highlights.length) parts.push(`${h(2)} Highlights`, group.highlights.map(highlightBlock).join('\n\n---\n\n'));
  if (group.pageNote) parts.push(`${h(2)} Page note`, noteBlock(group.pageNote));
  if (group.entityNotes.length) {
    parts.push(`${h(2)} Notes on what it mentions`);
    for (const n of group.entityNotes) parts.push(`${h(3)} ${markdownText(n.title || n.target)}`, noteBlock(n));
  }
  return parts.filter(Boolean).join('\n\n') + '\n';
}

/** One page as a Markdown file with YAML front matter (title, url, date read, tags) for Obsidian and Logseq. */
export function pageMarkdown(group: PageGroup): string {
  const front = [
    '---',
    `title: ${yamlString(group.title)}`,
    `url: ${yamlString(group.source)}`,
    `read: ${day(group.read)}`,
    `tags: ${yamlList(pageTags(group))}`,
    `highlights: ${group.highlights.length}`,
    '---',
  ].join('\n');
  return `${front}\n\n${pageBody(group, 1)}`;
}

/** Notes on entities that no page mentions, as one section. */
function entityNotesBody(notes: Note[], level: 1 | 2): string {
  const h = '#'.repeat(level);
  return (
    [`${h} Notes on entities`, ...notes.flatMap((n) => [`${h}# ${markdownText(n.title || n.target)}`, noteBlock(n)])].join('\n\n') + '\n'
  );
}

/**
 * Every page in one Markdown file: one front matter for the file, a second-level section per
 * page, then the entity notes no page mentions.
 */
export function allMarkdown(groups: PageGroup[], now: Date, looseEntityNotes: Note[] = []): string {
  const front = ['---', `title: ${yamlString('Gloss notes')}`, `exported: ${fileDate(now)}`, `pages: ${groups.length}`, '---'].join('\n');
  const loose = looseEntityNotes.length ? [entityNotesBody(looseEntityNotes, 2)] : [];
  return [`${front}\n\n# Gloss notes\n`, ...groups.map((g) => pageBody(g, 2)), ...loose].join('\n');
}

/** A file name for each page, unique within the set, from its title. */
function pageFileNames(groups: PageGroup[]): string[] {
  const used = new Map<string, number>();
  return groups.map((g) => {
    const base = slug(g.title);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return `${n === 1 ? base : `${base}-${n}`}.md`;
  });
}

/**
 * The Markdown export: one page, every page in one file, or a zip of one file per page (plus
 * `entity-notes.md` for the entity notes no page mentions).
 */
export function markdownFile(
  groups: PageGroup[],
  now: Date,
  layout: 'one-file' | 'zip' | 'page',
  looseEntityNotes: Note[] = [],
): ExportFile {
  const date = fileDate(now);
  if (layout === 'page') {
    const group = groups[0];
    if (!group) throw new Error('There is nothing on this page to export.');
    return { filename: `gloss-${date}-${slug(group.title)}.md`, mime: 'text/markdown;charset=utf-8', data: pageMarkdown(group) };
  }
  if (layout === 'one-file')
    return { filename: `gloss-${date}.md`, mime: 'text/markdown;charset=utf-8', data: allMarkdown(groups, now, looseEntityNotes) };
  const names = pageFileNames(groups);
  const entries = Object.fromEntries(groups.map((g, i) => [`gloss-${date}/${names[i]}`, strToU8(pageMarkdown(g))]));
  // A page titled “Entity notes” would already have this name.
  if (looseEntityNotes.length)
    entries[`gloss-${date}/${names.includes('entity-notes.md') ? '_entity-notes.md' : 'entity-notes.md'}`] = strToU8(
      entityNotesBody(looseEntityNotes, 1),
    );
  return { filename: `gloss-${date}.zip`, mime: 'application/zip', data: zipSync(entries, { mtime: now }) };
}
