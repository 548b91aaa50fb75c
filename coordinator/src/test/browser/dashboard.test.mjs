// The control-room dashboard in a real browser (Debian's chromium; never a downloaded one), against a running demo:
// the map shows the sites and a drone that moves once an operator launches a sweep from the page; an alert the
// simulator raises appears without a reload and is acknowledged (or, under review, confirmed) from the page; a
// ground-team token sees only its team's alerts; a thousand open alerts stay responsive; the page has no serious
// accessibility violations and breaks none of its content security policy. Run by DashboardBrowserIT.
//
// Environment: WW_BASE_URL, WW_TOKEN_OPERATOR, WW_TOKEN_CONTROLROOM, WW_TOKEN_GROUNDTEAM,
// WW_ARTEFACT_DIR (screenshots), optionally WW_CHROMIUM (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const BASE = env('WW_BASE_URL').replace(/\/$/, '');
const TOKENS = {
  operator: env('WW_TOKEN_OPERATOR'),
  controlroom: env('WW_TOKEN_CONTROLROOM'),
  groundteam: env('WW_TOKEN_GROUNDTEAM'),
};
const ARTEFACTS = env('WW_ARTEFACT_DIR');
const started = Date.now();
const log = (...words) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s]`, ...words);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    }
    await sleep(200);
  }
}

async function api(token, pathAndQuery) {
  const response = await fetch(`${BASE}/api/v1${pathAndQuery}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `GET ${pathAndQuery}`);
  return response.json();
}

/** A page signed in with the token the way a person does it: the page asks, the token is pasted. */
async function signedIn(browser, role, name) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`${name}: script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) {
      problems.push(`${name}: ${m.text()}`);
    }
  });
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      navigations += 1;
    }
  });
  const asked = Date.now();
  await page.goto(`${BASE}/`);
  await page.getByLabel('Access token').waitFor();
  const askedMs = Date.now() - asked;
  await page.getByLabel('Access token').fill(TOKENS[role]);
  const opened = Date.now();
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await page.locator('#live[data-state="live"]').waitFor({ timeout: 10000 });
  // a figure for the "usable within 1 s" target, printed rather than asserted (a loaded machine is slower)
  log(`${name}: token asked ${askedMs} ms after navigation; map, lists and live stream up ${Date.now() - opened} ms after it was given`);
  return { page, problems, navigations: () => navigations };
}

async function rowsOf(page) {
  return page.locator('#alert-list li').evaluateAll((items) => items.map((li) => ({
    id: li.dataset.alertId, state: li.dataset.state, dispatch: li.dataset.dispatch, team: li.dataset.team,
  })));
}

async function droneMarkers(page) {
  return page.locator('path.drone-marker').evaluateAll((paths) => Object.fromEntries(
    paths.map((p) => [p.dataset.droneId, p.getAttribute('d')])));
}

async function checkAccessibility(page) {
  await page.evaluate(AXE_SOURCE); // evaluated, not injected: the page's policy forbids inline script, rightly
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result.violations) {
    log(`axe ${v.impact}: ${v.id} (${v.nodes.length}): ${v.help}`);
  }
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], 'no serious or critical accessibility violations');
}

/**
 * Acts on an alert from its detail panel: acknowledges one that is open or escalated, or confirms one under review.
 * Simulated crews act on their alerts within seconds, so an alert may move on between listing and clicking: then
 * the next one is tried.
 */
async function actOnAnAlert(page) {
  const tried = new Set();
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const target = await until('an alert open to acknowledge, or under review', async () => {
      const rows = (await rowsOf(page)).filter((r) => !tried.has(r.id));
      return rows.find((r) => r.dispatch === 'team' && (r.state === 'open' || r.state === 'escalated'))
        || rows.find((r) => r.dispatch === 'review');
    }, 30000);
    tried.add(target.id);
    try {
      await page.locator(`#alert-list li[data-alert-id="${target.id}"] button`).click({ timeout: 2000 });
      await page.locator('#alert-detail').waitFor({ state: 'visible', timeout: 2000 });
      const button = page.locator('#detail-actions button[data-action="ack"], #detail-actions button[data-action="confirm"]')
        .first();
      const action = await button.getAttribute('data-action', { timeout: 1000 });
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/alerts/${target.id}/${action}`), { timeout: 5000 }),
        button.click({ timeout: 2000 }),
      ]);
      assert.equal(response.status(), 200, `${action} answered ${response.status()}: ${await response.text()}`);
      const after = await response.json();
      await page.locator('#detail-message', { hasText: action === 'ack' ? 'Acknowledged.' : 'Confirmed' })
        .waitFor({ timeout: 2000 });
      if (!(after.lastActionBy || '').startsWith('controlroom')) {
        // a crew was a moment quicker: the answer is the alert as the crew left it; the page's act changed nothing
        log(`${target.id} was taken by ${after.lastActionBy} first; the next one`);
        continue;
      }
      if (action === 'ack') {
        assert.equal(after.state, 'acknowledged');
        await page.locator('#alert-detail[data-state="acknowledged"]').waitFor({ timeout: 2000 });
      } else {
        assert.equal(after.dispatch, 'team', 'a confirmed alert goes to the team');
      }
      log(`${action} of ${target.id} (${target.state}, ${target.dispatch}) from the page: now ${after.state}, `
        + `by ${after.lastActionBy}`);
      return;
    } catch (e) {
      if (e instanceof assert.AssertionError) {
        throw e;
      }
      log(`alert ${target.id} moved on before it was acted on (${e.message.split('\n')[0]}); the next one`);
    }
  }
  throw new Error('no alert could be acted on in 20 tries');
}

/** The figures page, reached from the dashboard in the same tab (the token is kept for the tab), and its CSV. */
async function figures(page) {
  await page.getByRole('link', { name: 'Figures' }).click();
  await page.locator('#figures canvas').nth(3).waitFor({ timeout: 10000 });
  const nights = await page.locator('#table-nights tbody tr').count();
  assert.equal(nights, 7, 'a week of nights');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
  assert.equal(csv[0], 'section,key,value');
  assert.ok(csv.some((line) => line.startsWith('timeToHelpLast24h,')), 'the times to help are in the CSV');
  await page.screenshot({ path: path.join(ARTEFACTS, 'figures.png'), fullPage: true });
  await checkAccessibility(page);
  log(`figures: 4 charts, ${nights} nights, CSV of ${csv.length - 2} figures downloaded`);
}

/** The list drawn from 1,000 open alerts: capped, sorted, and quick to redraw. */
async function thousandAlerts(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const priorities = ['low', 'medium', 'high', 'critical'];
  const now = Date.now();
  const alerts = Array.from({ length: 1000 }, (_, i) => ({
    alertId: `a-load-${i}`, state: 'open', priority: priorities[i % 4], risk: (i % 97) / 100, siteId: null,
    siteName: `Load test place ${i}`, category: 'other', lat: 40.05 + (i % 100) / 1000, lon: 113.30 + Math.floor(i / 100) / 100,
    detectionIds: [`d-${i}`], detectionCount: 1, firstSeen: new Date(now - i * 1000).toISOString(),
    lastSeen: new Date(now).toISOString(), ambientTempC: -12, teamId: 'team-centre', version: 1,
    updatedAt: new Date(now).toISOString(), confidence: 0.9, reasons: ['load test'], dispatch: 'team', escalations: 0,
    items: [], flags: [], siteHistory: [],
  }));
  // the stream stays real: an alert the demo raises meanwhile may join the thousand
  await page.route('**/api/v1/alerts?state=*', (route) => route.fulfill({
    json: route.request().url().endsWith('state=open') ? alerts : [],
  }));
  await page.goto(`${BASE}/`);
  await page.getByLabel('Access token').fill(TOKENS.controlroom);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await page.locator('#alert-count', { hasText: /^1\d{3} open/ }).waitFor({ timeout: 10000 });
  const drawnMs = Date.now() - t0;
  const rows = await page.locator('#alert-list li').count();
  const first = await page.locator('#alert-list li').first().getAttribute('data-priority');
  const redrawMs = await page.evaluate(() => new Promise((resolve) => {
    const t = performance.now();
    document.getElementById('show-watch').click();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)));
  }));
  log(`1000 open alerts: drawn ${rows} rows in ${drawnMs} ms, redrawn in ${Math.round(redrawMs)} ms`);
  assert.equal(first, 'critical', 'the most urgent first');
  assert.equal(rows, 150, 'at most 150 rows drawn');
  const more = Number((await page.textContent('#alert-more')).match(/^(\d+) less urgent/)?.[1]);
  assert.ok(more >= 850, `says how many more there are: ${more}`);
  assert.ok(drawnMs < 3000, `drawn within 3 s of signing in, took ${drawnMs} ms`);
  assert.ok(redrawMs < 500, `redrawn within 0.5 s, took ${redrawMs} ms`);
  await context.close();
}

const browser = await chromium.launch({
  executablePath: process.env.WW_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
let controlRoom;
try {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  const sites = await api(TOKENS.controlroom, '/sites');
  const GROUND_TEAM = (await api(TOKENS.groundteam, '/whoami')).teamId;

  controlRoom = await signedIn(browser, 'controlroom', 'control room');
  const team = await signedIn(browser, 'groundteam', 'ground team');
  const operator = await signedIn(browser, 'operator', 'operator');
  log('signed in as control room, ground team and operator');

  const drawnSites = await controlRoom.page.locator('path.site').count();
  assert.equal(drawnSites, sites.features.length, 'every site of the layer is drawn');
  assert.ok(await controlRoom.page.locator('path.site.cat-no_fly_zone').count() >= 1, 'the no-fly zones are drawn');
  assert.ok(await controlRoom.page.locator('.legend li', { hasText: 'no-fly zone' }).isVisible(), 'with a legend');
  const alertsAtLoad = new Set((await rowsOf(controlRoom.page)).map((r) => r.id));
  log(`${drawnSites} sites drawn; ${alertsAtLoad.size} alerts listed at load`);

  await operator.page.getByRole('button', { name: 'Launch a sweep of every site' }).click();
  const sweepId = await until('the sweep is launched from the page', async () => {
    const failed = await operator.page.locator('#sweep-message.failed').count();
    if (failed) {
      // the drones may still be connecting: the operator tries again, as a person would
      log(`launch refused: ${await operator.page.textContent('#sweep-message')}; again`);
      await operator.page.getByRole('button', { name: 'Launch a sweep of every site' }).click();
      return null;
    }
    return operator.page.locator('#sweep-list li[data-state="planned"], #sweep-list li[data-state="flying"]')
      .first().getAttribute('data-sweep-id', { timeout: 500 }).catch(() => null);
  }, 20000);
  log(`sweep ${sweepId} launched from the operator's page`);

  const before = await until('a drone is on the map', async () => {
    const m = await droneMarkers(controlRoom.page);
    return Object.keys(m).length ? m : null;
  }, 10000);
  const moved = await until('a drone moves on the map', async () => {
    const now = await droneMarkers(controlRoom.page);
    return Object.keys(now).find((id) => before[id] && now[id] !== before[id]);
  }, 20000);
  log(`${moved} moves on the map`);

  const fresh = await until('an alert raised after the page loaded is listed without a reload', async () => {
    const rows = await rowsOf(controlRoom.page);
    return rows.find((r) => !alertsAtLoad.has(r.id));
  }, 30000);
  assert.equal(controlRoom.navigations(), 1, 'the page was never reloaded');
  log(`alert ${fresh.id} (${fresh.state}) appeared live`);

  await actOnAnAlert(controlRoom.page);
  await controlRoom.page.screenshot({ path: path.join(ARTEFACTS, 'dashboard.png') });
  log('screenshot kept');

  const seenByTeam = await until('the ground team sees an alert', async () => {
    const rows = await rowsOf(team.page);
    return rows.length ? rows : null;
  }, 30000);
  const teams = new Set(seenByTeam.map((r) => r.team));
  assert.deepEqual([...teams], [GROUND_TEAM], 'a ground team sees only its own team\'s alerts');
  const ownOverApi = await api(TOKENS.groundteam, '/alerts');
  assert.ok(ownOverApi.every((a) => a.teamId === GROUND_TEAM));
  assert.equal(await team.page.locator('#drones').isVisible(), false, 'drones are not the ground team\'s');
  assert.equal(await team.page.locator('#weather-form').isVisible(), false, 'nor is the weather input');
  await team.page.screenshot({ path: path.join(ARTEFACTS, 'dashboard-groundteam.png') });
  log(`ground team ${GROUND_TEAM} sees ${seenByTeam.length} alerts, all its own`);

  await checkAccessibility(controlRoom.page);
  log('accessibility: no serious or critical violations');

  await figures(controlRoom.page);

  await thousandAlerts(browser);

  const problems = [...controlRoom.problems, ...team.problems, ...operator.problems];
  assert.deepEqual(problems, [], 'no script errors and nothing the content security policy refused');
  log('passed');
} catch (e) {
  if (controlRoom) {
    await controlRoom.page.screenshot({ path: path.join(ARTEFACTS, 'dashboard-failure.png') }).catch(() => {});
  }
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
