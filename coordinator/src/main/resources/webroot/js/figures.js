// The figures a relief centre reports: alerts and people helped per night, outcomes, time to help by team, sorties
// and flight hours; drawn with uPlot from GET /api/v1/stats, and downloadable as CSV (the same call, Accept: text/csv).
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { ApiError, client, savedToken } from './api.js';
import { describe } from './roles.js';

const $ = (id) => document.getElementById(id);
const AXIS = { stroke: '#a9b8c6', grid: { stroke: '#263545' }, ticks: { stroke: '#263545' } };
const OUTCOME_LABELS = {
  on_site_aid: 'on site', escorted_to_centre: 'to centre', hospital: 'hospital', protective_custody: 'custody',
  declined_aid: 'declined', not_found: 'not found', false_alarm: 'false alarm',
};
const MEASURES = [['toAcknowledgement', 'acknowledged'], ['toTeamOnSite', 'team on site'], ['toResolution', 'resolved']];

function cells(tag, values) {
  const tr = document.createElement('tr');
  values.forEach((v, i) => {
    const cell = document.createElement(tag);
    cell.textContent = v;
    if (tag === 'th') {
      cell.scope = 'col';
    } else if (i > 0) {
      cell.className = 'n';
    }
    tr.append(cell);
  });
  return tr;
}

function table(id, head, rows) {
  const t = $(id);
  const thead = document.createElement('thead');
  thead.append(cells('th', head));
  const tbody = document.createElement('tbody');
  rows.forEach((r) => tbody.append(cells('td', r)));
  t.replaceChildren(thead, tbody);
}

/** A bar chart over named categories: one or two series side by side. */
function bars(id, labels, series) {
  const target = $(id);
  target.replaceChildren();
  const width = Math.max(280, target.clientWidth || 320);
  const x = labels.map((_, i) => i);
  const two = series.length > 1;
  const opts = {
    width,
    height: 220,
    scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      { ...AXIS, space: 10, incrs: [1], values: (u, splits) => splits.map((s) => (Number.isInteger(s) ? labels[s] ?? '' : '')) },
      { ...AXIS },
    ],
    series: [{}, ...series.map((s, i) => ({
      label: s.label,
      stroke: s.colour,
      fill: `${s.colour}cc`,
      paths: uPlot.paths.bars({ size: [two ? 0.35 : 0.6, 80], align: two ? (i === 0 ? -1 : 1) : 0 }),
      points: { show: false },
    }))],
    legend: { show: two, live: false },
  };
  return new uPlot(opts, [x, ...series.map((s) => s.values)], target);
}

const minutes = (s) => (s == null || Number.isNaN(s) ? '–' : (s / 60).toFixed(1));

function show(stats) {
  $('figures').hidden = false;
  $('people-helped').textContent = String(stats.peopleHelped);
  $('alerts-total').textContent = `${stats.alerts} alerts in all`;

  const nights = Object.entries(stats.nights || {});
  const labels = nights.map(([night]) => night.slice(5));
  bars('chart-nights', labels, [
    { label: 'alerts', colour: '#7cc4ff', values: nights.map(([, n]) => n.alerts) },
    { label: 'people helped', colour: '#7ddc8a', values: nights.map(([, n]) => n.peopleHelped) },
  ]);
  table('table-nights', ['Night of', 'Alerts', 'People helped'], nights.map(([night, n]) => [night, n.alerts, n.peopleHelped]));
  bars('chart-flights', labels, [
    { label: 'sorties', colour: '#ffa040', values: nights.map(([, n]) => n.sortiesFlown) },
    { label: 'flight hours', colour: '#ce93d8', values: nights.map(([, n]) => n.flightHours) },
  ]);
  table('table-flights', ['Night of', 'Sorties', 'Flight hours'], nights.map(([night, n]) => [night, n.sortiesFlown, n.flightHours]));

  const outcomes = Object.entries(stats.outcomes || {});
  bars('chart-outcomes', outcomes.map(([o]) => OUTCOME_LABELS[o] || o), [
    { label: 'alerts', colour: '#4dd0e1', values: outcomes.map(([, n]) => n) },
  ]);
  table('table-outcomes', ['Outcome', 'Alerts'], outcomes.map(([o, n]) => [o.replace(/_/g, ' '), n]));

  const help = stats.timeToHelpLast24h || { byTeam: {} };
  const teams = [['all teams', help.all], ...Object.entries(help.byTeam || {})].filter(([, t]) => t);
  bars('chart-help', teams.map(([team]) => team), [
    { label: 'median minutes to acknowledgement', colour: '#ffe066', values: teams.map(([, t]) => (t.toAcknowledgement.count ? t.toAcknowledgement.medianS / 60 : 0)) },
  ]);
  table('table-help', ['Team', ...MEASURES.map(([, label]) => `${label} (min)`)], teams.map(([team, t]) => [
    team, ...MEASURES.map(([key]) => (t[key].count ? `${minutes(t[key].medianS)} / ${minutes(t[key].p90S)} (${t[key].count})` : '–')),
  ]));
}

async function load(api) {
  try {
    show(await api.get('/stats'));
    $('message').textContent = '';
  } catch (e) {
    $('message').textContent = e instanceof ApiError && e.status === 403
      ? 'The figures are for the control room; this token may not read them.' : `Figures unavailable: ${e.message}`;
  }
}

async function download(api) {
  try {
    const csv = await api.text('/stats', 'text/csv');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = `winterwatch-figures-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    $('message').textContent = 'CSV downloaded.';
  } catch (e) {
    $('message').textContent = `CSV unavailable: ${e.message}`;
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  const token = savedToken();
  if (!token) {
    $('sign-in').hidden = false;
    document.querySelector('.toolbar').hidden = true;
    return;
  }
  const api = client(token);
  try {
    $('who').textContent = describe(await api.get('/whoami'));
  } catch (e) {
    $('sign-in').hidden = false;
    return;
  }
  $('refresh').addEventListener('click', () => load(api));
  $('download-csv').addEventListener('click', () => download(api));
  load(api);
});
