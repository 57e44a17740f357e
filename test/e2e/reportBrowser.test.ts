/// <reference lib="dom" />
/**
 * report.html in a real browser: Debian's chromium (installed by scripts/install-test-deps.sh),
 * driven by playwright-core, which downloads nothing. Every chart must render with a title and
 * a description, nothing may be logged as an error or fetched, and the page must not be blank.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { readHealthData } from '../../src/health';
import { buildReport, renderReport, writeReport } from '../../src/report';
import { reportScheme, TWELVE_AS_OF } from '../support/health';
import { makeWorld, type World } from '../support/world';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

jest.setTimeout(180_000);

describe('report.html in headless Chromium', () => {
  let w: World;
  let context: BrowserContext;
  let profile: string;
  let file: string;
  let expectedCharts: number;

  beforeAll(async () => {
    w = makeWorld();
    reportScheme(w);
    const report = buildReport(readHealthData(w.deps.db), w.deps.config, TWELVE_AS_OF);
    expectedCharts = report.sections.flatMap((s) => s.charts).length;
    writeReport(path.join(w.dir, 'out'), renderReport(report));
    file = path.join(w.dir, 'out', 'report.html');
    // A fresh profile each run (Playwright passes it as --user-data-dir).
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      chromiumSandbox: false,
      args: FLAGS,
      viewport: { width: 800, height: 1000 },
    });
  });
  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await w?.close();
  });

  test('every chart renders with a title and a description; no console error; no request beyond the file; not blank', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const url = `file://${file}`;
    await page.goto(url, { waitUntil: 'load' });

    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        const title = svg.querySelector(':scope > title');
        const desc = svg.querySelector(':scope > desc');
        const marks = Array.from(svg.querySelectorAll('rect, line')).filter((el) => {
          const b = el.getBoundingClientRect();
          return b.width > 0 || b.height > 0;
        }).length;
        return {
          id: svg.id,
          width: box.width,
          height: box.height,
          role: svg.getAttribute('role'),
          title: title?.textContent ?? '',
          desc: desc?.textContent ?? '',
          labelledByTitle: title?.id === titleId,
          labelledByDesc: desc?.id === descId,
          marks,
          caption: svg.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
        };
      }),
    );
    expect(charts.length).toBe(expectedCharts);
    expect(charts.length).toBeGreaterThanOrEqual(8);
    expect(charts.map((c) => c.id)).toEqual(
      expect.arrayContaining(['chart_evaluation_useful', 'chart_response_by_round', 'chart_rounds_per_pair', 'chart_health_over_time']),
    );
    expect(charts.some((c) => c.id.startsWith('chart_pulse_'))).toBe(true);
    for (const c of charts) {
      expect({ id: c.id, ok: c.width > 100 && c.height > 50 }).toEqual({ id: c.id, ok: true });
      expect(c.role).toBe('img');
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.desc.length).toBeGreaterThan(10);
      expect(c.labelledByTitle && c.labelledByDesc).toBe(true);
      expect(c.caption).toBe(c.title);
      expect(c.marks).toBeGreaterThan(3);
    }
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);

    // Not blank: count the colours of a full-page screenshot, decoded by the browser itself.
    const png = await page.screenshot({ fullPage: true });
    const blank = await context.newPage();
    const colours = await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const seen = new Set<number>();
      let nonWhite = 0;
      for (let i = 0; i < data.length; i += 4) {
        seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) nonWhite++;
      }
      return { distinct: seen.size, nonWhiteShare: nonWhite / (data.length / 4), height: img.height };
    }, png.toString('base64'));
    expect(colours.height).toBeGreaterThan(2000);
    expect(colours.distinct).toBeGreaterThan(20);
    expect(colours.nonWhiteShare).toBeGreaterThan(0.03);
  });
});
