/**
 * The add-in's help page (dist/help.html, the manifest's SupportUrl and GetStarted LearnMoreUrl):
 * the README's sections on loading the add-in into Excel, rendered as a small static page. The
 * README stays the one source: the build re-renders the page from it every time.
 *
 * Only the Markdown the README uses in those sections is rendered: headings, paragraphs, bullet
 * lists, fenced code blocks, `code`, **bold** and [links](url). Everything else is escaped text.
 */
"use strict";

/** README sections (by their `## ` heading, as a prefix) that make up the help page. */
const HELP_SECTIONS = ["Load the add-in into Excel", "Try the task pane without Excel"];

const escapeHtml = (s) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The `## ` sections of a Markdown document whose heading starts with one of `prefixes`, in order. */
function extractSections(markdown, prefixes = HELP_SECTIONS) {
  const lines = markdown.split(/\r?\n/);
  const sections = [];
  let current = null;
  let inFence = false;
  for (const line of lines) {
    if (line.startsWith("```")) inFence = !inFence;
    if (!inFence && /^## /.test(line)) {
      const title = line.slice(3).trim();
      current = prefixes.some((p) => title.startsWith(p)) ? { title, lines: [] } : null;
      if (current) sections.push(current);
      continue;
    }
    if (!inFence && /^# /.test(line)) current = null;
    if (current) current.lines.push(line);
  }
  return sections;
}

function inline(text) {
  let out = "";
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  let m;
  while ((m = pattern.exec(text))) {
    out += escapeHtml(text.slice(last, m.index));
    if (m[1] !== undefined) out += `<code>${escapeHtml(m[1])}</code>`;
    else if (m[2] !== undefined) out += `<strong>${inline(m[2])}</strong>`;
    else {
      // Repository-relative links (docs/hosts.md) have no page next to help.html: keep the text.
      const href = m[4];
      out += /^https?:\/\//.test(href)
        ? `<a href="${escapeHtml(href)}">${inline(m[3])}</a>`
        : `${inline(m[3])} (<code>${escapeHtml(href)}</code> in the source)`;
    }
    last = pattern.lastIndex;
  }
  return out + escapeHtml(text.slice(last));
}

/** Renders the README subset described at the top of this file. */
function renderMarkdown(lines) {
  const html = [];
  let paragraph = [];
  let list = null;
  let fence = null;
  const flushParagraph = () => {
    if (paragraph.length) html.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) html.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`);
    list = null;
  };
  for (const line of lines) {
    if (fence) {
      if (line.startsWith("```")) {
        html.push(`<pre><code>${escapeHtml(fence.join("\n"))}</code></pre>`);
        fence = null;
      } else fence.push(line);
      continue;
    }
    if (line.startsWith("```")) {
      flushParagraph();
      flushList();
      fence = [];
      continue;
    }
    const heading = line.match(/^(#{3,6}) (.*)$/);
    if (heading) {
      flushParagraph();
      flushList();
      html.push(`<h3>${inline(heading[2])}</h3>`);
      continue;
    }
    const item = line.match(/^[-*] (.*)$/);
    if (item) {
      flushParagraph();
      if (!list) list = [];
      list.push(item[1]);
      continue;
    }
    if (line.trim() === "") {
      flushParagraph();
      flushList();
      continue;
    }
    if (list && /^\s+\S/.test(line)) list[list.length - 1] += " " + line.trim();
    else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return html.join("\n");
}

/** The complete help page from the README's text; throws when a help section is missing. */
function helpPageHtml(readme) {
  const sections = extractSections(readme);
  for (const prefix of HELP_SECTIONS) {
    if (!sections.some((s) => s.title.startsWith(prefix)))
      throw new Error(`README.md has no "## ${prefix}…" section for the help page`);
  }
  const body = sections
    .map((s) => `<section>\n<h2>${inline(s.title)}</h2>\n${renderMarkdown(s.lines)}\n</section>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>CompAlign help: load the add-in into Excel</title>
<link rel="icon" type="image/png" href="assets/icon-32.png" />
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
code, pre { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; }
pre { padding: 0.75rem; overflow-x: auto; }
</style>
</head>
<body>
<h1>CompAlign help</h1>
${body}
</body>
</html>
`;
}

module.exports = { HELP_SECTIONS, extractSections, helpPageHtml, renderMarkdown };
