// The search page's script (loaded by /search/ only). It queries the static
// Pagefind index that plugins/search_index writes after each build, and lists
// each hit's title, date and an excerpt with the matched words marked.
// Pagefind itself is fetched on the first search, not with the page.
const form = document.querySelector("form.search");
const input = form.elements.q;
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const index = new URL("pagefind/", new URL(form.dataset.base, document.baseURI));
let loading = null; // the promise of Pagefind, fetched once
let latest = 0; // the number of the newest search: older ones show nothing

// A line in the live status region; `archive` ends it with a link to the archive.
function say(text, archive = false) {
  status.replaceChildren(text);
  if (archive) {
    const link = Object.assign(document.createElement("a"), { href: form.dataset.archive });
    link.textContent = "the archive";
    status.append(" Every post is listed in ", link, ".");
  }
}

// Pagefind's excerpt is HTML with <mark> around matches: keep only the text
// and the marks, parsed in an inert <template>.
function excerpt(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const p = document.createElement("p");
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      p.append(Object.assign(document.createElement("mark"), { textContent: node.textContent }));
    } else {
      p.append(node.textContent);
    }
  }
  return p;
}

function item(data) {
  const li = document.createElement("li");
  const heading = document.createElement("h2");
  const link = Object.assign(document.createElement("a"), { href: data.url });
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  li.append(heading);
  if (data.meta.date) {
    const time = Object.assign(document.createElement("time"), { textContent: data.meta.date });
    if (data.meta.datetime) time.dateTime = data.meta.datetime;
    const meta = Object.assign(document.createElement("p"), { className: "meta" });
    meta.append(time);
    li.append(meta);
  }
  li.append(excerpt(data.excerpt));
  return li;
}

// The index is in parts (a year's posts, the pages), listed newest first in
// parts.json: load Pagefind from the first part and merge the others into it.
async function load() {
  const response = await fetch(new URL("parts.json", index));
  if (!response.ok) throw new Error(`parts.json: HTTP ${response.status}`);
  const parts = (await response.json()).map((part) => new URL(part, index).href);
  const pagefind = await import(new URL("pagefind.js", parts[0]).href);
  for (const part of parts.slice(1)) await pagefind.mergeIndex(part);
  return pagefind;
}

async function search(words, debounce) {
  const mine = ++latest;
  const url = new URL(location.href);
  if (words) url.searchParams.set("q", words);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!words) {
    list.replaceChildren();
    say("");
    return;
  }
  try {
    loading ??= load();
    const pagefind = await loading;
    const found = await pagefind.debouncedSearch(words, {}, debounce);
    if (found === null || mine !== latest) return; // a newer search took over
    const hits = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    if (mine !== latest) return;
    list.replaceChildren(...hits.map(item));
    const shown = found.results.length > 20 ? ", the first 20 shown" : "";
    say(
      hits.length
        ? `${found.results.length} ${found.results.length === 1 ? "result" : "results"} for “${words}”${shown}.`
        : `Nothing found for “${words}”. Try fewer or other words.`,
      !hits.length,
    );
  } catch (error) {
    loading = null; // the next search tries again
    if (mine !== latest) return;
    list.replaceChildren();
    say("The search index could not be loaded.", true);
    console.error(error);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search(input.value.trim(), 0);
});
input.addEventListener("input", () => search(input.value.trim(), 300));
document.querySelector(".search-fallback").remove();
form.hidden = false;
input.value = new URLSearchParams(location.search).get("q") || "";
if (input.value) search(input.value.trim(), 0);
