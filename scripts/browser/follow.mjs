// Open each path in Chromium and report where the page ends up after its
// redirects (HTTP and meta refresh): node follow.mjs BASE PATH...
import { launch } from "./launch.mjs";

// Wait until the document shown has no meta refresh left. Each refresh
// destroys the document being watched, so the wait starts again on the next
// one; a refresh that never fires times out and fails loudly.
async function settle(page) {
  for (let hop = 0; hop < 20; hop++) {
    try {
      await page.waitForLoadState("load");
      await page.waitForFunction(
        () => !document.querySelector('meta[http-equiv="refresh"]'),
        null,
        { timeout: 10000 },
      );
      return;
    } catch (error) {
      if (!/context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
  throw new Error("more than 20 redirects");
}

const [base, ...paths] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage();
const results = [];
for (const path of paths) {
  await page.goto(new URL(path, base).href);
  await settle(page);
  results.push({ path, final: new URL(page.url()).pathname, title: await page.title() });
}
await browser.close();
console.log(JSON.stringify(results));
