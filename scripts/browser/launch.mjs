// Launch Debian's Chromium (never a downloaded browser) for Playwright.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export function launch() {
  // Playwright gives each launch a fresh temporary profile (--user-data-dir).
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}
