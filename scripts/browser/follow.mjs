// Open each path in Chromium and report where the page ends up after its
// redirects (HTTP and meta refresh): node follow.mjs BASE PATH...
import { launch } from "./launch.mjs";

// Wait until the page shown has no meta refresh left (or 10 hops went by).
async function settle(page) {
  for (let hop = 0; hop < 10; hop++) {
    try {
      await page.waitForLoadState("load");
      const refresh = await page.evaluate(
        () => document.querySelector('meta[http-equiv="refresh"]') !== null,
      );
      if (!refresh) return;
      const here = page.url();
      await page.waitForURL((url) => url.href !== here, { timeout: 10000 });
    } catch (error) {
      // The refresh navigated while we looked: look again at the new page.
      if (!/context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
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
