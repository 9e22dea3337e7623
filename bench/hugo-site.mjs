// The same synthetic archive as a Hugo site, for the scale bench's side by
// side: every generated article (content-source/articles/**/*.json) as a
// Markdown page in its section's folder, with front matter Hugo reads
// (title, date, authors, summary, speakers), speeches as quotations, and a
// minimal theme doing what our build does: the news list and each section
// in pages of 20, every article with related links (those sharing a
// speaker, Hugo's default threshold; with its date index and a threshold
// of 1, every article of a year is a candidate and 100,000 articles did
// not build in 21 minutes), and a page per speaker (a Hugo taxonomy).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CONFIG = `baseURL = "https://news.example.edu/"
title = "USST News"
paginate = 20
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  speaker = "speakers"
[related]
  includeNewer = true
  threshold = 80
  toLower = false
  [[related.indices]]
    name = "speakers"
    weight = 100
`;

const BASEOF = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="/">{{ site.Title }}</a> {{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main><footer>Stay Connected</footer></body></html>
`;

const LIST = `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages.ByDate.Reverse }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "January 2, 2006" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>
{{ if $pager.HasPrev }}<a href="{{ $pager.Prev.URL }}">Newer</a>{{ end }} Page {{ $pager.PageNumber }} of {{ $pager.TotalPages }}
{{ if $pager.HasNext }}<a href="{{ $pager.Next.URL }}">Older</a>{{ end }}{{ end }}
`;

const SINGLE = `{{ define "main" }}<nav><a href="/">Home</a> › <a href="{{ .CurrentSection.RelPermalink }}">{{ .Section }}</a></nav>
<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "January 2, 2006" }}{{ with .Params.authors }} | By {{ delimit . ", " " and " }}{{ end }}</p>
{{ .Content }}</article>
{{ with site.RegularPages.Related . | first 3 }}<h2>Related</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
`;

const yaml = (value) => JSON.stringify(value);

/** One generated article as Hugo Markdown. */
function page(article) {
  const speakers = article.body.filter((block) => block.type === 'speech').map((block) => block.speaker);
  const authors = [article.author ?? article.authors ?? []].flat();
  const front = [
    '---',
    `title: ${yaml(article.headline)}`,
    ...(article.published ? [`date: ${article.published}`] : []),
    `summary: ${yaml(article.summary)}`,
    `authors: ${yaml(authors)}`,
    `speakers: ${yaml([...new Set(speakers)])}`,
    '---',
  ];
  const body = article.body.map((block) => {
    if (block.type === 'paragraph') return block.text;
    if (block.type === 'speech') return `> ${block.caption}\n>\n> — ${block.speaker}${block.role ? `, ${block.role}` : ''}`;
    if (block.type === 'quote') return `> ${block.text}`;
    return block.caption ?? '';
  });
  return `${front.join('\n')}\n\n${body.join('\n\n')}\n`;
}

function articles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? articles(path) : name.endsWith('.json') ? [path] : [];
  });
}

const sectionSlug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Writes the Hugo site for the generated content folder `source` into `site`. */
export function writeHugoSite(source, site) {
  rmSync(site, { recursive: true, force: true });
  for (const dir of ['layouts/_default', 'content']) mkdirSync(join(site, dir), { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), CONFIG);
  writeFileSync(join(site, 'layouts/_default/baseof.html'), BASEOF);
  writeFileSync(join(site, 'layouts/_default/list.html'), LIST);
  writeFileSync(join(site, 'layouts/_default/single.html'), SINGLE);
  let count = 0;
  for (const file of articles(join(source, 'articles'))) {
    const article = JSON.parse(readFileSync(file, 'utf8'));
    const section = join(site, 'content', sectionSlug(article.section));
    mkdirSync(section, { recursive: true });
    writeFileSync(join(section, `${article.slug}.md`), page(article));
    count += 1;
  }
  return count;
}
