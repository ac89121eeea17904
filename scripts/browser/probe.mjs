// Load pages at a viewport width and report what a script sees there: the
// value of one JavaScript expression per page (computed styles, sizes,
// which element has the focus after key presses...).
// Usage: node probe.mjs BASE_URL WIDTH PATH EXPRESSION [PATH EXPRESSION...]
// An expression may use `press(key)`, which presses a key and resolves after it.
// Prints JSON: [value, ...] in the order of the pairs.
import { launch } from "./launch.mjs";

const [base, width, ...pairs] = process.argv.slice(2);
const browser = await launch();
const values = [];
try {
  const context = await browser.newContext({ viewport: { width: Number(width), height: 800 } });
  const page = await context.newPage();
  await page.exposeFunction("press", (key) => page.keyboard.press(key));
  for (let i = 0; i < pairs.length; i += 2) {
    await page.goto(base + pairs[i], { waitUntil: "load" });
    values.push(await page.evaluate(`(async () => (${pairs[i + 1]}))()`));
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(values));
