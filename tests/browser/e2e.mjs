// Drives headless Chromium through the web page of `dipsearch serve` as a
// reader would, and checks what the reader sees at each step. Run by
// tests/browser/run.sh with the server's address and a screenshot folder.
import { chromium } from 'playwright-core';

const [, , base, shots] = process.argv;
const origin = new URL(base).origin;
let passed = 0;
const failures = [];

function check(what, ok, detail = '') {
  if (ok) {
    passed += 1;
    console.log(`ok   ${what}`);
  } else {
    failures.push(what);
    console.log(`FAIL ${what} ${detail}`);
  }
}

// Playwright gives the browser a fresh temporary --user-data-dir itself.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const requests = [];
const problems = [];
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
context.on('request', (r) => requests.push(r.url()));
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(String(e)));

const total = async () => {
  const text = await page.locator('p.count').first().textContent();
  const m = text.match(/of (\d+) matching|^(\d+) matching/);
  return m ? Number(m[1] ?? m[2]) : 0;
};

try {
  // 1. The search page: type the query, submit the form.
  await page.goto(base);
  check('the search page has a query box', await page.locator('input[name=q]').isVisible());
  await page.fill('input[name=q]', 'export control');
  await Promise.all([page.waitForURL(/q=export/), page.press('input[name=q]', 'Enter')]);
  const hits = await page.locator('li.hit').count();
  const before = await total();
  check('searching "export control" shows hits', hits > 0 && before > 0, `${hits} hits, total ${before}`);
  check('matches are highlighted', (await page.locator('li.hit mark').count()) > 0);
  check('the query was read by subject', (await page.locator('p.readas').textContent()).includes('read as:'));
  await page.screenshot({ path: `${shots}/search.png` });

  // 2. A country facet narrows the results and shows as an active filter.
  const facet = page.locator('section.facet:has(h2:text("Countries")) a').first();
  const country = (await facet.getAttribute('title')) ?? '';
  await Promise.all([page.waitForURL(/country=/), facet.click()]);
  const after = await total();
  check(`the country facet ${country} narrows the results`, after > 0 && after < before, `${before} -> ${after}`);
  const chip = await page.locator('a.chip').first().textContent();
  check('the facet shows as a removable filter', chip.includes(`country: ${country}`), chip);

  // 3. A hit's paragraph page: label, text, citation.
  const loc = page.locator('li.hit a.loc').first();
  const label = (await loc.locator('.label').textContent()).trim();
  await Promise.all([page.waitForURL(/\/p\//), loc.click()]);
  const shown = (await page.locator('.para.current .label').textContent()).trim();
  check('the paragraph page shows the hit\'s label', shown === label, `${shown} vs ${label}`);
  const text = await page.locator('.para.current .text').textContent();
  check('the paragraph page shows its text', text.trim().length > 40);
  const citation = await page.locator('p.citation').textContent();
  check('the citation names the paragraph', citation.includes(`para. ${label.replace('¶', '')}`), citation);
  check('the words behind the tags are listed', (await page.locator('section.why').count()) === 1);
  await page.screenshot({ path: `${shots}/paragraph.png`, fullPage: true });

  // 4. A precedent, when there is one: its diff, then the precedents page.
  const diff = page.locator('section.precedents a.diff').first();
  if (await diff.count()) {
    await Promise.all([page.waitForURL(/\/diff\?/), diff.click()]);
    check('the precedent\'s diff page', (await page.locator('h1').textContent()) === 'Word diff');
    check('the diff marks what changed', (await page.locator('p.difftext del, p.difftext ins').count()) > 0);
    await page.goBack();
    await Promise.all([page.waitForURL(/\/precedent\//), page.locator('a.more').click()]);
    check('the precedents page', (await page.locator('p.count').textContent()).includes('share this wording'));
  } else {
    console.log('--   this paragraph has no precedent');
  }

  // 5. A phone-width window: one column, nothing wider than the screen.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${base}search?q=export+control`);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('a phone-width window needs no sideways scrolling', overflow <= 0, `${overflow}px too wide`);
  await phone.screenshot({ path: `${shots}/search-phone.png` });

  // 6. A hostile document is shown as text: no dialog opens, no handler runs.
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${base}p/harbour-dialogue-2032-hostile.txt%231`);
  const hostile = await page.locator('.para.current .text').textContent();
  check('a <script> in a document is shown as text', hostile.includes('<script>alert(document.cookie)</script>'), hostile);
  await page.goto(`${base}p/harbour-dialogue-2032-hostile.txt%232`);
  await page.hover('.para.current .text');
  check('no script of a document ran', dialogs.length === 0, dialogs.join(' '));

  // 7. Nothing was fetched from anywhere else, and the page broke no rule.
  const elsewhere = requests.filter((u) => new URL(u).origin !== origin);
  check(`all ${requests.length} requests went to the server`, requests.length > 0 && elsewhere.length === 0, elsewhere.join(' '));
  check('no console error (CSP violation, script error)', problems.length === 0, problems.join(' | '));
} catch (e) {
  failures.push(String(e));
  console.log(`FAIL ${e}`);
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
