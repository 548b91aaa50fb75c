// The alert list: every alert the token may read, most urgent first (priority, then risk). Changes are gathered and
// drawn once per animation frame, and at most MAX_ROWS rows are drawn, so a thousand open alerts stay responsive.
import { age, observe } from './clock.js';

export const MAX_ROWS = 150;
const RANK = { critical: 0, high: 1, medium: 2, low: 3 };

export function byUrgency(a, b) {
  return (RANK[a.priority] - RANK[b.priority]) || (b.risk - a.risk) || a.firstSeen.localeCompare(b.firstSeen);
}

export function placeOf(alert) {
  return alert.siteName || `${alert.lat.toFixed(4)}, ${alert.lon.toFixed(4)}`;
}

export function stateOf(alert) {
  if (alert.state === 'resolved') {
    return `resolved: ${(alert.outcome || '').replace(/_/g, ' ')}`;
  }
  if (alert.dispatch === 'review') {
    return `${alert.state}, under review`;
  }
  if (alert.dispatch === 'watch') {
    return `${alert.state}, kept only`;
  }
  return alert.state;
}

function span(className, content) {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = content;
  return el;
}

export class AlertBoard {
  constructor({ list, count, more, showWatch, map, onSelect }) {
    this.list = list;
    this.count = count;
    this.more = more;
    this.showWatch = showWatch;
    this.map = map;
    this.onSelect = onSelect;
    this.byId = new Map();
    this.rows = new Map();
    this.changed = new Set();
    this.selected = null;
    this.frame = 0;
    showWatch.addEventListener('change', () => {
      this.byId.forEach((a, id) => this.changed.add(id));
      this.schedule();
    });
    setInterval(() => this.refreshAges(), 10000);
  }

  /** Takes a new version of an alert (an older one than held is ignored: the stream and a reload may cross). */
  put(alert) {
    const held = this.byId.get(alert.alertId);
    if (held && held.version > alert.version) {
      return;
    }
    observe(alert.updatedAt);
    this.byId.set(alert.alertId, alert);
    this.changed.add(alert.alertId);
    this.schedule();
  }

  get(alertId) {
    return this.byId.get(alertId);
  }

  select(alertId) {
    this.selected = alertId;
    this.rows.forEach((row, id) => row.button.setAttribute('aria-current', String(id === alertId)));
  }

  shows(alert) {
    return alert.state !== 'resolved' && (alert.dispatch !== 'watch' || this.showWatch.checked);
  }

  schedule() {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => this.draw());
    }
  }

  draw() {
    this.frame = 0;
    for (const id of this.changed) {
      const alert = this.byId.get(id);
      this.map.showAlert(alert, this.shows(alert));
    }
    this.changed.clear();
    const shown = [...this.byId.values()].filter((a) => this.shows(a)).sort(byUrgency);
    const top = shown.slice(0, MAX_ROWS);
    const wanted = new Set(top.map((a) => a.alertId));
    for (const [id, row] of this.rows) {
      if (!wanted.has(id)) {
        row.item.remove();
        this.rows.delete(id);
      }
    }
    top.forEach((alert, i) => {
      let row = this.rows.get(alert.alertId);
      if (!row) {
        row = this.makeRow(alert);
        this.rows.set(alert.alertId, row);
      } else if (row.version !== alert.version) {
        this.fill(row, alert);
      }
      const here = this.list.children[i];
      if (here !== row.item) {
        this.list.insertBefore(row.item, here || null);
      }
    });
    const critical = shown.filter((a) => a.priority === 'critical').length;
    this.count.textContent = `${shown.length} open${critical ? `, ${critical} critical` : ''}`;
    this.more.textContent = shown.length > MAX_ROWS
      ? `${shown.length - MAX_ROWS} less urgent alerts are not listed; they are on the map.` : '';
  }

  makeRow(alert) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'alert-row';
    button.addEventListener('click', () => this.onSelect(alert.alertId));
    item.append(button);
    const row = { item, button, version: -1, age: null, firstSeen: alert.firstSeen };
    this.fill(row, alert);
    return row;
  }

  fill(row, alert) {
    row.version = alert.version;
    row.firstSeen = alert.firstSeen;
    row.item.dataset.alertId = alert.alertId;
    row.item.dataset.state = alert.state;
    row.item.dataset.dispatch = alert.dispatch;
    row.item.dataset.team = alert.teamId;
    row.item.dataset.priority = alert.priority;
    row.button.className = `alert-row prio-${alert.priority}${alert.dispatch === 'review' ? ' review' : ''}`;
    row.button.setAttribute('aria-current', String(alert.alertId === this.selected));
    row.age = span('age', age(alert.firstSeen));
    const why = alert.reasons && alert.reasons.length ? alert.reasons.join('; ') : 'no reason given';
    row.button.replaceChildren(span('prio', alert.priority), span('place', placeOf(alert)), row.age,
      span('state', `${stateOf(alert)} · ${alert.teamId}`), span('why', why));
  }

  refreshAges() {
    this.rows.forEach((row) => {
      row.age.textContent = age(row.firstSeen);
    });
  }
}
