import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { NOTES, run, tempDir, writeNotes } from './cli-helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

function distinctColors(png: Buffer): number {
  const image = PNG.sync.read(png);
  const colors = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4) colors.add(image.data.readUInt32BE(i));
  return colors.size;
}

describe('cli summary HTML in Chromium', function () {
  this.timeout(60_000);
  let dir: string;
  let browser: Browser | undefined;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.warn(`    (skipped: ${CHROMIUM} is not installed; 'apt-get install chromium' provides it)`);
      this.skip();
    }
    dir = tempDir('hn-html-');
    writeNotes(dir, {
      'notes/one.note': NOTES.withPlan,
      'notes/two.note': NOTES.noPlan,
      'notes/three.note': `Visit type: follow-up\n${NOTES.withPlan}`,
      'notes/four.note': 'HPI: She worries it is her heart. She believes it is from stress.\nPLAN: Options discussed; she prefers to try therapy first. Return in 2 weeks or sooner if worse.\n',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders a non-blank report with no network request', async () => {
    const file = path.join(dir, 'report.html');
    const out = run(['summary', '--format', 'html', '-o', file, path.join(dir, 'notes')]);
    assert.equal(out.code, 0, out.stderr);

    const page = await browser!.newPage({ viewport: { width: 1000, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const failures: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const shot = await page.screenshot({ fullPage: true });
    const blank = await (async () => {
      const empty = await browser!.newPage({ viewport: { width: 1000, height: 900 } });
      await empty.setContent('<html><body></body></html>');
      const png = await empty.screenshot();
      await empty.close();
      return png;
    })();
    assert.ok(distinctColors(shot) > 50, `screenshot has ${distinctColors(shot)} colours`);
    assert.ok(distinctColors(blank) < 5, 'the blank baseline is blank');

    // The charts are there and have size.
    const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
    assert.ok(charts.length >= 2 && charts.every((w) => w > 100), JSON.stringify(charts));
    const heading = await page.textContent('h1');
    assert.match(heading ?? '', /Healing skills/);

    const external = requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'));
    assert.deepEqual(external, [], 'no network requests');
    assert.deepEqual(failures, [], 'no console errors (e.g. CSP violations)');
    await page.close();
  });
});
