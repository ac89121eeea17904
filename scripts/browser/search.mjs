// Use the search page as a reader would: focus the field with the keyboard,
// type the words, wait for the status line, and report what the page shows.
// Usage: node search.mjs BASE_URL PATH WORDS ; prints JSON:
// {status, focused, results: [{title, href, date, datetime, excerpt, marks: [text...]}],
//  scripts: [src...], errors: [message...]}
import { launch } from "./launch.mjs";

const [base, path, words] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(base + path, { waitUntil: "load" });
  // The page's script shows the form when it is ready: wait for that, as a
  // reader would, before tabbing to it (a busy machine runs it late).
  await page.waitForSelector('input[type="search"]', { state: "visible" });
  // Tab from the top of the page until the search field has the focus.
  let focused = false;
  for (let i = 0; i < 20 && !focused; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.type === "search");
  }
  await page.keyboard.type(words);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".search-status").textContent !== "");
  const shown = await page.evaluate(() => ({
    status: document.querySelector(".search-status").textContent,
    url: location.href,
    results: [...document.querySelectorAll(".search-results li")].map((li) => ({
      title: li.querySelector("h2").textContent,
      href: li.querySelector("a").href,
      date: li.querySelector("time")?.textContent ?? null,
      datetime: li.querySelector("time")?.dateTime ?? null,
      excerpt: li.querySelector("p:last-child").textContent,
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
    })),
    scripts: [...document.scripts].map((s) => s.src),
  }));
  console.log(JSON.stringify({ ...shown, focused, errors }));
} finally {
  await browser.close();
}
