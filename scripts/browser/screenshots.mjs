// Screenshot pages at phone and desktop widths, light and dark.
// Usage: node screenshots.mjs BASE_URL OUT_DIR NAME=PATH... ; prints each file written.
import { launch } from "./launch.mjs";

const [base, outDir, ...pages] = process.argv.slice(2);
const WIDTHS = [375, 1280];
const browser = await launch();
try {
  for (const scheme of ["light", "dark"]) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({
        colorScheme: scheme, viewport: { width, height: width < 600 ? 812 : 900 },
      });
      const page = await context.newPage();
      for (const spec of pages) {
        const [name, ...rest] = spec.split("=");
        const path = rest.join("=");
        await page.goto(base + path, { waitUntil: "load" });
        if (path.includes("?q=")) {
          // The search page: wait until it shows its results.
          await page.waitForFunction(() => document.querySelector(".search-status")?.textContent);
        }
        const file = `${outDir}/${name}-${width}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
