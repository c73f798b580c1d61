// The members' page in a real browser: Debian's chromium driven by
// playwright-core, against searchd on loopback over an index of corpus/ plus
// a report full of script injections that this test writes itself.
//
// Environment (set by CMakeLists.txt): VP_SEARCHD, VP_INDEXER, VP_CORPUS,
// VP_DATA, VP_NODE_MODULES (where `npm ci` put playwright-core), VP_OUT (the
// build folder for the index and the screenshots), VP_CHROMIUM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const env = process.env;
for (const name of ['VP_SEARCHD', 'VP_INDEXER', 'VP_CORPUS', 'VP_DATA', 'VP_NODE_MODULES', 'VP_OUT']) {
  if (!env[name]) throw new Error(`${name} is not set (run this test through ctest)`);
}
const CHROMIUM = env.VP_CHROMIUM || '/usr/bin/chromium';
// No silent skip: a machine without chromium fails here.
if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (scripts/deps.sh)`);
const { chromium } = createRequire(path.join(env.VP_NODE_MODULES, 'package.json'))('playwright-core');

const OUT = env.VP_OUT;
const SHOTS = path.join(OUT, 'screenshots');
const XSS_ID = '2019-09-09-xss';
const RELATED_ID = '2021-10-01-hoorn';   // a report whose related reports the tests follow
const XSS = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=2">';

let server;
let base;
let browser;
let dialogs = [];

// ---- setup -------------------------------------------------------------------

function writeXssReport(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const yamlQuoted = (s) => `'${s.replace(/'/g, "''")}'`;
  fs.writeFileSync(path.join(dir, `${XSS_ID}.md`), `---
title: ${yamlQuoted(`Xsstoken verslag ${XSS}`)}
date: 2019-09-09
host: Gorinchem
municipalities: [Gorinchem, ${yamlQuoted(`Gorinchem ${XSS}`)}]
speakers:
  - name: ${yamlQuoted(`Jan ${XSS}`)}
    organisation: ${yamlQuoted(`Org ${XSS}`)}
---
# Xsstoken verslag

## Workshop ${XSS}

De xsstoken workshop over ${XSS} en <b onmouseover="window.__xss=3">vet</b> ging over samenwerking.

[klik](javascript:window.__xss=4) en ![plaatje](x" onerror="window.__xss=5)
`);
}

async function startSearchd(db) {
  const child = spawn(env.VP_SEARCHD, ['--db', db, '--listen', '127.0.0.1:0', '--threads', '4',
    '--data', env.VP_DATA], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`searchd exited (${code}): ${seen}`)));
  });
  return { child, url };
}

before(async () => {
  fs.rmSync(path.join(OUT, 'db'), { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  writeXssReport(path.join(OUT, 'xss'));
  const indexed = spawnSync(env.VP_INDEXER, ['--db', path.join(OUT, 'db'), '--quiet', '--data', env.VP_DATA,
    env.VP_CORPUS, path.join(OUT, 'xss')], { encoding: 'utf8' });
  assert.ok(indexed.status === 0 || indexed.status === 1, `indexer failed: ${indexed.stderr}`);
  ({ child: server, url: base } = await startSearchd(path.join(OUT, 'db')));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // A fresh profile: playwright's launch() makes a new temporary
    // --user-data-dir itself (and refuses one passed in args).
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function newPage(options = {}) {
  const context = await browser.newContext(Object.assign({ viewport: { width: 1280, height: 900 } }, options));
  const page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  // Nothing may leave loopback.
  await context.route(/.*/, (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  return page;
}

async function api(pathAndQuery) {
  const response = await fetch(base + pathAndQuery);
  assert.equal(response.status, 200, pathAndQuery);
  return response.json();
}

const count = (text) => Number(text.replace(/\D/g, ''));

// Polls a condition from node (page.waitForFunction evaluates a string,
// which the page's CSP rightly forbids).
async function until(condition, what) {
  for (let waited = 0; waited < 10000; waited += 50) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const idle = (page) => until(async () => (await page.locator('.layout[aria-busy]').count()) === 0, 'the search');

// ---- the tests -------------------------------------------------------------------

test('typing a query shows results, the count and the URL', async () => {
  const page = await newPage();
  await page.goto(base + '/');
  await page.getByLabel('Zoeken in verslagen').pressSequentially('samenwerking', { delay: 20 });
  await page.waitForURL(/\?q=samenwerking$/);
  // A slow machine types slower than the debounce: the page may still show
  // an earlier prefix's ten hits (and its count) until this search is drawn.
  await idle(page);
  const expected = await api('/search?q=samenwerking');
  await until(async () => (await page.locator('.hits > li').count()) === Math.min(expected.total, 10), 'the hits');
  assert.equal(count(await page.locator('#status').textContent()), expected.total);
  const titles = await page.locator('.hits h3').allTextContents();
  assert.deepEqual(titles, expected.hits.map((h) => h.title));
  assert.ok(await page.locator('.hits .snippet mark').count() > 0, 'snippets highlight the query');
  await page.screenshot({ path: path.join(SHOTS, 'search.png') });
  await page.context().close();
});

test('a misspelling offers "Bedoelde u:" and the link searches', async () => {
  const page = await newPage();
  await page.goto(base + '/?q=samenwerkng');
  const link = page.locator('.suggestion a');
  await link.waitFor();
  assert.equal(await link.textContent(), 'samenwerking');
  if ((await api('/search?q=samenwerkng')).corrected) {
    assert.match(await page.locator('.suggestion').textContent(), /Niets gevonden voor “samenwerkng”/);
  }
  await link.click();
  await page.waitForURL(/\?q=samenwerking$/);
  await page.locator('.hits > li').first().waitFor();
  await page.context().close();
});

test('two municipalities and a theme: counts and hits agree with the API', async () => {
  const page = await newPage();
  await page.goto(base + '/?q=gemeente');
  await page.locator('.hits > li').first().waitFor();
  const start = await api('/search?q=gemeente&facet_limit=60');
  const [m1, m2] = start.facets.municipality.slice(0, 2).map((v) => v.value);

  const tick = async (facet, value) => {
    const before = page.url();
    await page.locator(`fieldset[data-facet="${facet}"] input[data-value="${value.replace(/"/g, '\\"')}"]`).check();
    await page.waitForURL((u) => u.href !== before);
    await idle(page);
  };
  await tick('municipality', m1);
  await tick('municipality', m2);
  const mid = await api(`/search?${new URLSearchParams([['q', 'gemeente'], ['municipality', m1], ['municipality', m2], ['facet_limit', '60']])}`);
  const theme = mid.facets.theme[0].value;
  await tick('theme', theme);

  const params = new URLSearchParams([['q', 'gemeente'], ['municipality', m1], ['municipality', m2], ['theme', theme]]);
  assert.equal(new URL(page.url()).search, `?${params}`);
  const expected = await api(`/search?${params}&facet_limit=60`);
  assert.ok(expected.total > 0, 'the combination finds something');
  assert.equal(count(await page.locator('#status').textContent()), expected.total);
  assert.deepEqual(await page.locator('.hits h3').allTextContents(), expected.hits.map((h) => h.title));
  // Every shown facet count is the API's (disjunctive) count.
  for (const facet of ['municipality', 'theme']) {
    const shown = await page.locator(`fieldset[data-facet="${facet}"] li`).evaluateAll((items) =>
      items.map((li) => [li.querySelector('input').dataset.value, li.querySelector('.count').textContent]));
    const api = new Map(expected.facets[facet].map((v) => [v.value, `(${v.count})`]));
    assert.ok(shown.length > 0);
    for (const [value, text] of shown) assert.equal(text, api.get(value), `${facet} ${value}`);
  }
  assert.equal(await page.locator('.chips .chip').count(), 3);
  await page.screenshot({ path: path.join(SHOTS, 'filters.png'), fullPage: true });

  // A chip removes its filter; "Alles wissen" removes them all.
  await page.locator('.chips .chip', { hasText: m2 }).click();
  await until(async () => (await page.locator('.chips .chip').count()) === 2, 'two chips');
  assert.ok(!new URL(page.url()).searchParams.getAll('municipality').includes(m2));
  await page.getByRole('button', { name: 'Alles wissen' }).click();
  await page.waitForURL((u) => u.search === '?q=gemeente');
  await page.context().close();
});

test('a bar of the year chart filters on its year; the keyboard removes it', async () => {
  const page = await newPage();
  await page.goto(base + '/?q=samenwerking');
  const bar = page.locator('.year-chart a').first();
  await bar.waitFor();
  const year = await bar.getAttribute('data-year');
  const expected = (await api('/search?q=samenwerking')).facets.year.find((v) => v.value === year).count;
  await bar.click();
  await page.waitForURL((u) => u.searchParams.get('from') === year && u.searchParams.get('to') === year);
  await idle(page);
  await until(async () => count(await page.locator('#status').textContent()) === expected, 'the year count');
  await page.locator('.year-chart a.active').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.searchParams.has('from'));
  // Focus stays on the bar after the redraw; a checkbox works from the keyboard too.
  await idle(page);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-year')), year);
  const box = page.locator('fieldset[data-facet="theme"] input[type=checkbox]').first();
  const value = await box.getAttribute('data-value');
  await box.focus();
  await page.keyboard.press('Space');
  await page.waitForURL((u) => u.searchParams.get('theme') === value);
  await idle(page);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.value), value);
  await page.context().close();
});

test('download links carry the search to /export', async () => {
  const page = await newPage();
  await page.goto(base + '/?q=samenwerking&theme=regionale-samenwerking');
  const csv = page.locator('.downloads a', { hasText: 'CSV' });
  await csv.waitFor();
  const href = new URL(await csv.getAttribute('href'), base);
  assert.equal(href.pathname, '/export');
  assert.equal(href.searchParams.get('q'), 'samenwerking');
  assert.equal(href.searchParams.get('theme'), 'regionale-samenwerking');
  assert.equal(href.searchParams.get('format'), 'csv');
  const response = await fetch(href);
  assert.equal(response.status, 200);
  const lines = (await response.text()).trim().split('\n');
  const expected = await api('/search?q=samenwerking&theme=regionale-samenwerking');
  assert.equal(lines.length - 1, expected.total, 'one CSV row per hit');
  await page.context().close();
});

test('download links keep a date order and drop relevance, which /export refuses', async () => {
  for (const [sort, want] of [['relevance', null], ['date', 'date'], ['date_asc', 'date_asc']]) {
    const page = await newPage();
    await page.goto(base + `/?q=samenwerking&sort=${sort}`);
    const jsonl = page.locator('.downloads a', { hasText: 'JSON lines' });
    await jsonl.waitFor();
    const href = new URL(await jsonl.getAttribute('href'), base);
    assert.equal(href.searchParams.get('sort'), want, sort);
    const response = await fetch(href);
    assert.equal(response.status, 200, sort);
    const ids = (await response.text()).trim().split('\n').map((line) => JSON.parse(line).id);
    const expected = await api(`/search?q=samenwerking&sort=${want || 'date'}&per_page=100`);
    assert.deepEqual(ids, expected.hits.map((h) => h.id), sort);
    await page.context().close();
  }
});

test('"Toon meer" shows every counted value; the period form sets from and to', async () => {
  const page = await newPage();
  await page.goto(base + '/');
  const speakers = page.locator('fieldset[data-facet="speaker"]');
  const more = speakers.locator('button.more');
  await more.waitFor();
  const expected = await api('/search?facet_limit=60');
  assert.equal(await speakers.locator('input[type=checkbox]').count(), 8);
  await more.click();
  await until(async () => (await speakers.locator('input[type=checkbox]').count()) === expected.facets.speaker.length, 'all speakers');
  assert.equal(await speakers.locator('button.more').getAttribute('aria-expanded'), 'true');

  await page.getByLabel('Van', { exact: true }).fill('2016');
  await page.getByLabel('tot en met').fill('2019');
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await page.waitForURL((u) => u.searchParams.get('from') === '2016' && u.searchParams.get('to') === '2019');
  const period = await api('/search?from=2016&to=2019');
  await until(async () => count(await page.locator('#status').textContent()) === period.total, 'the period count');
  assert.deepEqual(await page.locator('.chips .chip').allTextContents(), ['Vanaf 2016 ×', 'Tot en met 2019 ×']);
  await page.context().close();
});

test('text colours have a contrast of at least 4.5:1', async () => {
  for (const [target, ready] of [['/?q=samenwerking&theme=regionale-samenwerking', '.hits > li'],
    [`/r/${RELATED_ID}`, '.related-list > li'], ['/gemeente/Meierijstad', 'article.entity .hits > li'],
    [`/spreker/${encodeURIComponent('Koos Janssen')}`, '.timeline li']]) {
    const page = await newPage();
    await page.goto(base + target);
    await page.locator(ready).first().waitFor();
    assert.deepEqual(await lowContrast(page), [], target);
    await page.context().close();
  }
});

// Text whose colour has a contrast below 4.5:1 on its background (WCAG AA).
async function lowContrast(page) {
  return page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad = [];
    const selector = 'a, label, legend, h1, h2, h3, p, li, button, span, dt, dd';
    for (const el of document.querySelectorAll(selector)) {
      if (!el.textContent.trim() || !el.getClientRects().length) continue;
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) bad.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
    }
    return bad;
  });
}

test('the filter box of a long facet asks /facets/{name}?prefix=', async () => {
  const page = await newPage();
  await page.goto(base + '/');
  const box = page.locator('fieldset[data-facet="municipality"] .facet-filter');
  await box.waitFor();
  const facetRequest = page.waitForRequest((r) => r.url().includes('/facets/municipality?') && r.url().includes('prefix=ve'));
  await box.fill('ve');
  await facetRequest;
  const expected = await api('/facets/municipality?prefix=ve&facet_limit=60');
  const boxes = page.locator('fieldset[data-facet="municipality"] input[type=checkbox]');
  await until(async () => (await boxes.count()) === expected.values.length, 'the filtered values');
  const shown = await boxes.evaluateAll((xs) => xs.map((x) => x.dataset.value));
  assert.deepEqual(shown, expected.values.map((v) => v.value));
  await page.context().close();
});

test('open a report, section deep link, back and forward', async () => {
  const page = await newPage();
  await page.goto(base + '/?q=binnenstad');
  const first = page.locator('.hits > li').first();
  await first.waitFor();
  const title = await first.locator('h3').textContent();
  await first.locator('h3 a').click();
  await page.waitForURL(/\/r\//);
  await page.locator('article.report > h1').waitFor();
  assert.equal(await page.locator('article.report > h1').textContent(), title);
  assert.ok(await page.locator('.report-body mark').count() > 0, 'matched terms are highlighted');
  // Every section in the table of contents has its target in the text.
  const anchors = await page.locator('.toc a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.hash.slice(1))));
  for (const a of anchors) assert.equal(await page.locator(`[id="${a}"]`).count(), 1, a);
  await page.screenshot({ path: path.join(SHOTS, 'report.png') });

  await page.goBack();
  await page.waitForURL(/\/\?q=binnenstad$/);
  await page.locator('.hits > li').first().waitFor();
  assert.equal(await page.getByLabel('Zoeken in verslagen').inputValue(), 'binnenstad');
  await page.goForward();
  await page.locator('article.report > h1').waitFor();
  assert.equal(await page.locator('article.report > h1').textContent(), title);

  // A theme of the report starts a filtered search; a municipality opens its page.
  const theme = page.locator('.facts a[href*="theme="]').first();
  const slug = new URL(await theme.getAttribute('href'), base).searchParams.get('theme');
  await theme.click();
  await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('theme') === slug);
  await page.locator('.chips .chip').first().waitFor();
  await page.goBack();
  const muni = page.locator('.facts a[href^="/gemeente/"]').first();
  await muni.waitFor();
  const value = await muni.textContent();
  await muni.click();
  await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/gemeente/${value}`);
  await until(async () => (await page.locator('article.entity h1').count()) === 1, 'the municipality page');
  await page.context().close();
});

test('every section anchor of every report is an id in its rendered html', async () => {
  const all = await api('/search?per_page=100');
  assert.ok(all.total > 30 && all.hits.length === all.total);
  let anchors = 0;
  for (const hit of all.hits) {
    const doc = await api(`/documents/${encodeURIComponent(hit.id)}`);
    const ids = new Set([...doc.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const section of doc.sections) {
      assert.ok(ids.has(section.anchor), `${hit.id}: no id="${section.anchor}"`);
      anchors++;
    }
  }
  assert.ok(anchors > 100, `only ${anchors} sections`);
});

test('a shared URL opens the same view', async () => {
  const page = await newPage();
  await page.goto(base + '/?q=samenwerking&sort=date_asc&page=2');
  await page.locator('.hits > li').first().waitFor();
  const expected = await api('/search?q=samenwerking&sort=date_asc&page=2');
  assert.deepEqual(await page.locator('.hits h3').allTextContents(), expected.hits.map((h) => h.title));
  assert.equal(await page.locator('#sort').inputValue(), 'date_asc');
  assert.equal(await page.locator('.pages [aria-current="page"]').textContent(), '2');
  const hit = expected.hits.find((h) => h.section);
  if (hit) {
    const page2 = await newPage();
    await page2.goto(`${base}/r/${hit.id}?q=samenwerking#${hit.section.anchor}`);
    await page2.locator('article.report > h1').waitFor();
    assert.equal(await page2.locator(`[id="${hit.section.anchor}"]`).count(), 1);
    await page2.context().close();
  }
  await page.context().close();
});

test('without JavaScript the plain form searches and the server renders results', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(base + '/');
  await page.getByLabel('Zoeken in verslagen').fill('samenwerking');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL(/\?q=samenwerking/);
  const expected = await api('/search?q=samenwerking');
  assert.deepEqual(await page.locator('.hits h3').allTextContents(), expected.hits.map((h) => h.title));
  assert.equal(count(await page.locator('.status').textContent()), expected.total);
  // A facet link narrows the search; the form then keeps the filter.
  const muni = expected.facets.municipality[0];
  await page.locator('.facet-values a', { hasText: muni.value }).first().click();
  await page.waitForURL((u) => u.searchParams.get('municipality') === muni.value);
  assert.equal(count(await page.locator('.status').textContent()), muni.count);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL((u) => u.searchParams.get('municipality') === muni.value);
  assert.equal(count(await page.locator('.status').textContent()), muni.count);
  // The report page too.
  await page.locator('.hits h3 a').first().click();
  await page.locator('article.report > h1').waitFor();
  assert.ok((await page.locator('.report-body').textContent()).length > 100);
  await page.screenshot({ path: path.join(SHOTS, 'no-javascript.png') });
  await page.context().close();
});

test('the report with script injections renders as text', async () => {
  dialogs = [];
  const check = async (page) => {
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
    assert.equal(await page.locator('img[src="x"], [onerror], [onmouseover]').count(), 0, 'no injected element');
    assert.equal(await page.locator('script').count(), 1, 'only app.js');
  };
  for (const js of [true, false]) {
    const page = await newPage({ javaScriptEnabled: js });
    await page.goto(base + '/?q=xsstoken');
    await page.locator('.hits h3').first().waitFor();
    assert.ok((await page.locator('.hits h3').first().textContent()).includes('<script>window.__xss=1</script>'));
    if (js) await check(page);
    await page.locator('.hits h3 a').first().click();
    await page.locator('article.report > h1').waitFor();
    assert.ok((await page.locator('article.report > h1').textContent()).includes('"><img src=x onerror='));
    assert.ok((await page.locator('.facts').textContent()).includes(`Jan ${XSS}`), 'speaker shown as text');
    if (js) await check(page);
    else assert.equal(await page.locator('img[src="x"], [onerror], [onmouseover]').count(), 0);
    await page.context().close();
  }
  assert.deepEqual(dialogs, []);
});

test('phone width: one column, no horizontal scrolling', async () => {
  const page = await newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(base + '/?q=samenwerking');
  await page.locator('.hits > li').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  const results = await page.locator('.results').boundingBox();
  for (const box of await page.locator('.hits > li').evaluateAll((items) =>
    items.map((li) => li.getBoundingClientRect().right))) {
    assert.ok(box <= 375, `a result reaches ${box}px on a 375px screen`);
  }
  const sidebar = await page.locator('.sidebar').boundingBox();
  assert.ok(results.y < sidebar.y, 'results come before the filters on a phone');
  await page.screenshot({ path: path.join(SHOTS, 'phone.png') });
  await page.context().close();
});

test('keyboard: the search box has focus order first, a label, and aria-live count', async () => {
  const page = await newPage();
  await page.goto(base + '/');
  await page.keyboard.press('Tab');   // skip link
  await page.keyboard.press('Tab');   // brand link
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('binnenstad');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?q=binnenstad$/);
  assert.equal(await page.locator('#status').getAttribute('aria-live'), 'polite');
  await page.context().close();
});

test('cache headers and the content security policy', async () => {
  const page = await fetch(base + '/');
  assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
  assert.doesNotMatch(page.headers.get('content-security-policy'), /unsafe-inline/);
  const js = await fetch(base + '/static/app.js');
  const etag = js.headers.get('etag');
  assert.ok(etag);
  const again = await fetch(base + '/static/app.js', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  const template = await fetch(base + '/static/index.html');
  assert.equal(template.status, 200);
  assert.doesNotMatch(await template.text(), /<!--vp:/, 'the template is served filled in');
  assert.equal((await fetch(base + '/static/../../etc/passwd')).status, 404);
});

// ---- following a thread (issue 20) ----------------------------------------------------------


test('a report lists its related reports with reasons; every name links to its page', async () => {
  const page = await newPage();
  await page.goto(`${base}/r/${RELATED_ID}`);
  const items = page.locator('.related-list > li');
  const expected = await api(`/documents/${RELATED_ID}/related`);
  await until(async () => (await items.count()) === expected.related.length, 'the related reports');
  assert.ok(expected.related.length >= 3);
  assert.deepEqual(await items.locator('a').allTextContents(), expected.related.map((r) => r.title));
  assert.deepEqual(await items.locator('.reason').allTextContents(), expected.related.map((r) => r.reason));
  assert.ok(!(await items.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    .includes(`/r/${RELATED_ID}`), 'never the report itself');
  // Every municipality, the host and every speaker link to their pages.
  const doc = await api(`/documents/${RELATED_ID}`);
  const hrefs = await page.locator('.facts a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
  for (const m of doc.municipalities) assert.ok(hrefs.includes(`/gemeente/${m}`), m);
  for (const sp of doc.speakers) assert.ok(hrefs.includes(`/spreker/${sp.name}`), sp.name);
  assert.ok(hrefs.includes(`/gemeente/${doc.host}`));
  await page.locator('.related').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'related.png') });
  // A related report opens as a report, with its own related reports.
  await items.first().locator('a').click();
  await page.waitForURL((u) => u.pathname === `/r/${expected.related[0].id}`);
  await until(async () => (await page.locator('article.report > h1').textContent()) === expected.related[0].title, 'the related report');
  await page.locator('.related-list > li').first().waitFor();
  await page.context().close();
});

test('a municipality page: the merger in words, the filter\'s count, chart, themes, speakers, feed', async () => {
  const page = await newPage();
  await page.goto(`${base}/gemeente/Meierijstad`);
  const expected = await api('/municipalities/Meierijstad');
  const search = await api('/search?municipality=Meierijstad');
  assert.equal(expected.total, search.total);
  await page.locator('article.entity h1').waitFor();
  assert.equal(await page.locator('article.entity h1').textContent(), 'Meierijstad');
  assert.match(await page.locator('.history').textContent(), /sinds 2017 Meierijstad/);
  assert.equal(count(await page.locator('.summary .total').textContent()), expected.total);
  assert.equal(await page.locator('.entity .year-chart a').count(), expected.years.length);
  assert.equal(await page.locator('.entity-part .counts a[href*="theme="]').count(), expected.themes.length);
  assert.deepEqual(await page.locator('.entity .hits h3').allTextContents(), expected.reports.map((h) => h.title));
  const feed = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  assert.equal(feed, '/feed?municipality=Meierijstad');
  assert.equal((await fetch(base + feed)).status, 200);
  await page.screenshot({ path: path.join(SHOTS, 'municipality.png'), fullPage: true });
  // A predecessor's page says where it went; its link leads back.
  await page.locator('.history a', { hasText: 'Veghel' }).click();
  await page.waitForURL((u) => u.pathname === '/gemeente/Veghel');
  await until(async () => (await page.locator('.history').count()) === 1 &&
    (await page.locator('.history').textContent()).startsWith('Veghel, sinds 2017 Meierijstad'), 'Veghel');
  assert.equal(count(await page.locator('.summary .total').textContent()), (await api('/municipalities/Veghel')).total);
  await page.locator('.lede a', { hasText: 'Meierijstad' }).click();
  await page.waitForURL((u) => u.pathname === '/gemeente/Meierijstad');
  // A bar of the chart searches the municipality in that year.
  const bar = page.locator('.entity .year-chart a').first();
  await bar.waitFor();
  const year = await bar.getAttribute('data-year');
  await bar.click();
  await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('municipality') === 'Meierijstad' &&
    u.searchParams.get('from') === year && u.searchParams.get('to') === year);
  await page.goBack();
  await page.waitForURL((u) => u.pathname === '/gemeente/Meierijstad');
  await page.locator('article.entity h1').waitFor();
  await page.context().close();
});

test('a speaker page: organisations over time, municipalities spoken in, paging in the URL', async () => {
  const page = await newPage();
  const name = 'Gert-Jan Hoving';
  await page.goto(`${base}/spreker/${encodeURIComponent(name)}`);
  const expected = await api(`/speakers/${encodeURIComponent(name)}`);
  await page.locator('article.entity h1').waitFor();
  assert.equal(count(await page.locator('.summary .total').textContent()), expected.total);
  assert.equal(await page.locator('.timeline li').count(), expected.organisations.length);
  const places = await page.locator('.entity-part .counts a[href^="/gemeente/"]').allTextContents();
  assert.deepEqual(places, expected.municipalities.map((m) => m.value));
  await page.screenshot({ path: path.join(SHOTS, 'speaker.png') });
  // Paging lives in the URL: a shared link opens the same page.
  const second = await api(`/speakers/${encodeURIComponent(name)}?per_page=20&page=1`);
  assert.deepEqual(await page.locator('.entity .hits h3').allTextContents(), second.reports.map((h) => h.title));
  await page.locator('.entity-part .counts a[href^="/gemeente/"]').first().click();
  await page.waitForURL((u) => u.pathname.startsWith('/gemeente/'));
  await until(async () => (await page.locator('article.entity[data-kind="municipality"] h1').count()) === 1, 'a municipality');
  await page.goBack();
  await until(async () => (await page.locator('article.entity[data-kind="speaker"] h1').count()) === 1, 'the speaker again');
  // per_page and page in the URL too, kept by the page links.
  await page.goto(`${base}/spreker/${encodeURIComponent(name)}?per_page=2`);
  const firstTwo = await api(`/speakers/${encodeURIComponent(name)}?per_page=2`);
  await until(async () => (await page.locator('.entity .hits > li').count()) === 2, 'two reports');
  assert.deepEqual(await page.locator('.entity .hits h3').allTextContents(), firstTwo.reports.map((h) => h.title));
  await page.locator('.entity .pages a[rel="next"]').click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2' && u.searchParams.get('per_page') === '2');
  const nextTwo = await api(`/speakers/${encodeURIComponent(name)}?per_page=2&page=2`);
  await until(async () => (await page.locator('.entity .hits h3').first().textContent()) === nextTwo.reports[0].title, 'the second page');
  await page.context().close();
});

test('the search links its Atom feed in the head and in the page', async () => {
  const page = await newPage();
  await page.goto(base + '/?q=samenwerking&theme=regionale-samenwerking&sort=date_asc');
  await page.locator('.hits > li').first().waitFor();
  const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  const href = await link.getAttribute('href');
  assert.equal(href, '/feed?q=samenwerking&theme=regionale-samenwerking');
  assert.equal(await page.locator('.follow a').getAttribute('href'), href);
  const response = await fetch(base + href);
  assert.match(response.headers.get('content-type'), /^application\/atom\+xml/);
  assert.match(await response.text(), /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
  // It follows the search as the member changes it.
  await page.getByLabel('Zoeken in verslagen').fill('binnenstad');
  await page.getByLabel('Zoeken in verslagen').press('Enter');
  await until(async () => (await link.getAttribute('href')) === '/feed?q=binnenstad&theme=regionale-samenwerking', 'the new feed');
  await page.context().close();
  // Without JavaScript the server puts the same link in.
  const plain = await newPage({ javaScriptEnabled: false });
  await plain.goto(base + '/?q=samenwerking&theme=regionale-samenwerking&sort=date&page=1');
  assert.equal(await plain.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href'),
    '/feed?q=samenwerking&theme=regionale-samenwerking');
  assert.equal(await plain.locator('.follow a').getAttribute('href'), '/feed?q=samenwerking&theme=regionale-samenwerking');
  await plain.context().close();
});

test('without JavaScript: related reports, municipality and speaker pages come from the server', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(`${base}/r/${RELATED_ID}`);
  const expected = await api(`/documents/${RELATED_ID}/related`);
  assert.deepEqual(await page.locator('.related-list > li > a').allTextContents(), expected.related.map((r) => r.title));
  await page.locator('.facts a[href^="/gemeente/"]', { hasText: 'Hoorn' }).first().click();
  await page.waitForURL((u) => u.pathname === '/gemeente/Hoorn');
  const hoorn = await api('/municipalities/Hoorn');
  assert.equal(count(await page.locator('.summary .total').textContent()), hoorn.total);
  assert.equal(await page.locator('.entity .year-chart a').count(), hoorn.years.length);
  assert.deepEqual(await page.locator('.entity .hits h3').allTextContents(), hoorn.reports.map((h) => h.title));
  await page.goto(`${base}/spreker/${encodeURIComponent('Koos Janssen')}`);
  assert.match(await page.locator('.timeline').textContent(), /PMG \(voorzitter\)/);
  assert.equal((await fetch(`${base}/gemeente/Nergensdorp`)).status, 404);
  assert.equal((await fetch(`${base}/spreker/Niemand`)).status, 404);
  await page.context().close();
});

test('phone width: the new views fit, one column', async () => {
  for (const target of [`/r/${RELATED_ID}`, '/gemeente/Hoogeveen', `/spreker/${encodeURIComponent('Koos Janssen')}`]) {
    const page = await newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(base + target);
    await until(async () => (await page.locator('.related-list > li, article.entity .hits > li').count()) > 0, target);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${target} is ${overflow}px wider than the screen`);
    const parts = await page.locator('.entity-part').evaluateAll((xs) => xs.map((x) => x.getBoundingClientRect().left));
    assert.ok(parts.every((left) => Math.abs(left - parts[0]) < 1), `${target}: one column`);
    if (target.startsWith('/gemeente/')) await page.screenshot({ path: path.join(SHOTS, 'phone-municipality.png'), fullPage: true });
    await page.context().close();
  }
});

test('server-rendered pages: errors as pages, the query escaped', async () => {
  const bad = await fetch(base + '/?page=0');
  assert.equal(bad.status, 400);
  assert.match(bad.headers.get('content-type'), /^text\/html/);
  assert.match(await bad.text(), /role="alert">Dat lukte niet: /);
  assert.equal((await fetch(base + '/r/geen-verslag')).status, 404);
  const reflected = await fetch(base + '/?q=' + encodeURIComponent('"><script>window.__xss=9</script>'));
  const html = await reflected.text();
  assert.ok(!html.includes('<script>window.__xss=9'), 'q is escaped');
  assert.ok(html.includes('value="&quot;&gt;&lt;script&gt;window.__xss=9&lt;/script&gt;"'));
});
