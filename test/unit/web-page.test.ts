/// <reference lib="dom" />
// The offline page (dist/healing-notes.html) in headless Chromium, opened from file:// with the network
// off: typing a note shows the core elements missing, typing a patient's explanation credits and
// highlights it, a prompt inserts where it belongs, and the page makes no request at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { analyze } from '../../src/engine';
import { REPO_ROOT, run } from './cli-helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];
const PAGE = path.join(REPO_ROOT, 'dist', 'healing-notes.html');
const SCREENSHOT = path.join(REPO_ROOT, 'test-results', 'screenshots', 'web-page.png');

const NOTE = [
  'Visit type: follow-up',
  '',
  'HPI: 44-year-old woman with a dry cough for two weeks, worse when lying down. No fever.',
  '',
  'ASSESSMENT: Cough, likely post-nasal drip.',
  '',
  'PLAN: Saline rinses.',
  '',
].join('\n');
const EXPLANATION = ' She thinks it came from the dust at her new job.';

interface Element {
  rule: string;
  status: string;
  prompt: string | null;
}

async function coreElements(page: Page): Promise<Element[]> {
  return page.$$eval('#core li', (items) =>
    items.map((li) => ({ rule: (li as HTMLElement).dataset.rule!, status: (li as HTMLElement).dataset.status!, prompt: li.querySelector('.prompt code')?.textContent ?? null })),
  );
}

/** Waits until the page has checked the note as it now is (the text area's last edit). */
async function checked(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const field = document.getElementById('note') as HTMLTextAreaElement;
    return field.dataset.checked !== undefined && field.dataset.checked === (field.dataset.edits ?? '0');
  }, undefined, { timeout: 15_000 });
}

describe('offline web page in Chromium', function () {
  this.timeout(90_000);
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const failures: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.warn(`    (skipped: ${CHROMIUM} is not installed; 'apt-get install chromium' provides it)`);
      this.skip();
    }
    if (!fs.existsSync(PAGE)) {
      console.warn("    (skipped: dist/healing-notes.html is not built; 'npm run build' first — npm test does)");
      this.skip();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 940 }, offline: true });
    // Every request the page makes, whatever its kind, is counted and refused; only the page itself is let through.
    const pageUrl = pathToFileURL(PAGE).href;
    await context.route('**/*', (route) => {
      if (route.request().url() === pageUrl && route.request().isNavigationRequest()) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(pathToFileURL(PAGE).href, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
  });

  it('is one file: no external script, style, font or image, and a policy that forbids fetching', () => {
    const html = fs.readFileSync(PAGE, 'utf8');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|@import|@font-face|url\(\s*['"]?(?!data:)/i);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.equal((html.match(/<script>/g) ?? []).length, 1);
  });

  it('shows every core element missing for a note that documents none of them', async () => {
    await page.fill('#note', 'HPI: Cough for five days.\n');
    await checked(page);
    const elements = await coreElements(page);
    assert.equal(elements.length, 6);
    const missing = elements.filter((e) => e.status === 'missing').map((e) => e.rule);
    const expected = analyze('HPI: Cough for five days.\n').results.filter((r) => r.status === 'missing').map((r) => r.ruleId);
    assert.ok(missing.includes('explain.understanding') && missing.includes('authority.permission'), missing.join(', '));
    assert.deepEqual(missing.sort(), expected.filter((id) => elements.some((e) => e.rule === id)).sort());
    // Each missing element's prompt is there to copy: a label and placeholders, no claim.
    for (const e of elements.filter((x) => x.status === 'missing')) {
      assert.match(e.prompt ?? '', /^[^:]+: <[^>]+>/, `${e.rule} prompt: ${e.prompt}`);
      assert.doesNotMatch(e.prompt ?? '', /\b(agrees?|agreed|prefers|will return)\b/i);
    }
  });

  it("gives the CLI's findings and statuses for every sample note", async () => {
    const samples = path.join(REPO_ROOT, 'samples');
    for (const sample of fs.readdirSync(samples).filter((f) => f.endsWith('.note'))) {
      const text = fs.readFileSync(path.join(samples, sample), 'utf8');
      const cli = JSON.parse(run(['check', '--format', 'json', '--no-config', path.join(samples, sample)]).stdout).files[0];
      await page.fill('#note', text);
      await checked(page);
      const statusOf = new Map(cli.results.map((r: { ruleId: string; status: string }) => [r.ruleId, r.status]));
      for (const e of await coreElements(page)) assert.equal(e.status, statusOf.get(e.rule), `${sample}: ${e.rule}`);
      const others = await page.$$eval('#others li', (items) => items.map((li) => (li as HTMLElement).dataset.rule!));
      const coreIds = new Set((await coreElements(page)).map((e) => e.rule));
      const expected = [...new Set(cli.findings.map((f: { ruleId: string }) => f.ruleId).filter((id: string) => !coreIds.has(id)))];
      assert.deepEqual(others.sort(), (expected as string[]).sort(), sample);
      assert.match((await page.textContent('#status')) ?? '', new RegExp(`· ${cli.findings.length} suggestions?$`), sample);
    }
  });

  it("credits and highlights a patient's explanation as it is typed", async () => {
    await page.fill('#note', '');
    await page.click('#note');
    await page.keyboard.type(NOTE, { delay: 0 });
    await checked(page);
    let understanding = (await coreElements(page)).find((e) => e.rule === 'explain.understanding')!;
    assert.equal(understanding.status, 'missing');
    assert.equal(await page.locator('mark:not(.placeholder)', { hasText: 'dust' }).count(), 0);
    // Type the patient's own explanation at the end of the HPI line.
    const text = await page.inputValue('#note');
    const at = text.indexOf('No fever.') + 'No fever.'.length;
    await page.evaluate((offset) => (document.getElementById('note') as HTMLTextAreaElement).setSelectionRange(offset, offset), at);
    await page.keyboard.type(EXPLANATION, { delay: 5 });
    await checked(page);
    understanding = (await coreElements(page)).find((e) => e.rule === 'explain.understanding')!;
    assert.equal(understanding.status, 'documented');
    const highlighted = await page.$$eval('mark', (marks) => marks.map((m) => ({ text: m.textContent, element: (m as HTMLElement).dataset.element })));
    assert.ok(highlighted.some((m) => m.text?.includes('came from the dust') && m.element === "Patient's own explanation"), JSON.stringify(highlighted));
    // The quote in the list is the note's own words.
    const quote = await page.textContent('#core li[data-rule="explain.understanding"] .quote');
    assert.match(quote ?? '', /came from the dust at her new job/);
    // The highlight sits under the words it marks: same place as the text in the text area.
    const mark = await page.locator('mark', { hasText: 'came from the dust' }).boundingBox();
    const field = await page.locator('#note').boundingBox();
    assert.ok(mark && field && mark.y > field.y && mark.y < field.y + field.height);
  });

  it('inserts a prompt where it belongs and selects its first placeholder', async () => {
    const before = await page.inputValue('#note');
    await page.click('#core li[data-rule="authority.permission"] button.insert');
    await checked(page);
    const after = await page.inputValue('#note');
    assert.ok(after.length > before.length);
    assert.match(after, /PLAN: Saline rinses\.\nShared decision: <options offered>; <[^>]+>/);
    const selected = await page.evaluate(() => {
      const field = document.getElementById('note') as HTMLTextAreaElement;
      return field.value.slice(field.selectionStart, field.selectionEnd);
    });
    assert.equal(selected, '<options offered>');
    // Typing replaces the placeholder.
    await page.keyboard.type('rinses, a nasal spray or an antihistamine');
    await checked(page);
    assert.match(await page.inputValue('#note'), /Shared decision: rinses, a nasal spray or an antihistamine; </);
  });

  it('copies a prompt', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const followUp = page.locator('#core li[data-rule="committed.no-abandon"] button.copy');
    assert.equal(await followUp.count(), 1, 'the note has no follow-up yet');
    await followUp.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^[^:]+: <[^>]+>/);
  });

  it('makes no request at all, and logs no error', async () => {
    // A picture for the README, taken from the example note with its explanation typed in.
    await page.fill('#note', '');
    await page.click('button.example');
    const example = await page.inputValue('#note');
    const at = example.indexOf('No fever.') + 'No fever.'.length;
    await page.evaluate((offset) => (document.getElementById('note') as HTMLTextAreaElement).setSelectionRange(offset, offset), at);
    await page.keyboard.type(' He thinks it came from the dust at his new job and worries it could be asthma, like his father.', { delay: 0 });
    await checked(page);
    await page.evaluate(() => {
      (document.getElementById('note') as HTMLTextAreaElement).blur();
      document.querySelector('.panel')!.scrollTop = 0;
    });
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    assert.deepEqual(requests, []);
    assert.deepEqual(failures, []);
    // The count works: a page that does fetch something is counted.
    const probe = await context.newPage();
    await probe.setContent('<img src="http://example.invalid/probe.png">');
    await probe.waitForLoadState('load');
    assert.deepEqual(requests, ['http://example.invalid/probe.png']);
    await probe.close();
  });
});
