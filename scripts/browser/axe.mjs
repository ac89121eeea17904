// Run axe-core (WCAG 2.1 A/AA and best practices) on pages, in light and dark,
// in a 320 px wide viewport (the narrowest the theme supports), and measure
// whether the page scrolls sideways there. A path with ?q= is the search page
// with a query: its results are checked once they are shown.
// Usage: node axe.mjs BASE_URL PATH... ; prints JSON:
// [{path, scheme, overflow: px, violations: [{id, impact, help, nodes: [html...]}]}]
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { launch } from "./launch.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const [base, ...paths] = process.argv.slice(2);
const browser = await launch();
const results = [];
try {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({
      colorScheme: scheme, viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(base + path, { waitUntil: "load" });
      if (path.includes("?q=")) {
        // The search page lists its results after loading the index.
        await page.waitForFunction(() => document.querySelector(".search-status")?.textContent);
      }
      await page.addScriptTag({ content: AXE_SOURCE });
      const found = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
        TAGS,
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      results.push({
        path, scheme, overflow,
        violations: found.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => n.html),
        })),
      });
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
