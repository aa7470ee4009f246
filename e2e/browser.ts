// Which Chromium the browser tests drive: Debian's /usr/bin/chromium (these machines), else the browser
// `npx playwright install chromium` put in Playwright's cache. Says what to install when neither exists.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.PRELABEL_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  for (const c of candidates) if (existsSync(c)) return c;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own browser.
  throw new Error(
    'No Chromium for the browser tests. Install one of: Debian/Ubuntu `apt-get install chromium` (gives /usr/bin/chromium), ' +
      'or `npx playwright install chromium`, or set PRELABEL_CHROMIUM to a Chromium executable.',
  );
}
