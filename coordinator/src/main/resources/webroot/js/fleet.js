// Drones (link, battery, state, place; the return button) and sweeps (launch, abort) for the roles that read them.
import { may } from './roles.js';
import { observe } from './clock.js';

function cell(content, className) {
  const td = document.createElement('td');
  td.textContent = content;
  if (className) {
    td.className = className;
  }
  return td;
}

function button(label, action, run, className) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.dataset.action = action;
  if (className) {
    b.className = className;
  }
  b.addEventListener('click', run);
  return b;
}

export function droneState(d) {
  if (!d.connected) {
    return 'no link';
  }
  const where = d.inAir ? `flying ${d.relAltitudeM == null ? '' : `${Math.round(d.relAltitudeM)} m`}` : 'on the ground';
  return `${where}${d.flightMode ? `, ${d.flightMode.toLowerCase()}` : ''}`;
}

export class Fleet {
  constructor({ api, role, map }) {
    this.api = api;
    this.role = role;
    this.map = map;
    this.rows = new Map();
    this.sweeps = new Map();
    this.droneBody = document.getElementById('drone-rows');
    this.droneMessage = document.getElementById('drone-message');
    this.sweepList = document.getElementById('sweep-list');
    this.sweepMessage = document.getElementById('sweep-message');
    document.getElementById('launch-sweep').addEventListener('click', () => this.launch());
  }

  showDrone(d) {
    if (d.updatedAt) {
      observe(d.updatedAt);
    }
    this.map.showDrone(d);
    let row = this.rows.get(d.droneId);
    if (!row) {
      row = document.createElement('tr');
      row.dataset.droneId = d.droneId;
      this.rows.set(d.droneId, row);
      const after = [...this.rows.keys()].sort().indexOf(d.droneId);
      this.droneBody.insertBefore(row, this.droneBody.children[after] || null);
    }
    const battery = d.batteryPercent == null ? '?' : `${Math.round(d.batteryPercent)} %`;
    const place = d.lat == null ? 'position unknown' : `${d.lat.toFixed(5)}, ${d.lon.toFixed(5)}`;
    const name = cell(d.droneId);
    name.title = place;
    const state = cell(droneState(d));
    state.dataset.position = place;
    const command = document.createElement('td');
    if (may(this.role, 'commandDrones')) {
      command.append(button('Return', 'return', () => this.recall(d.droneId), 'quiet'));
    }
    const focused = row.contains(document.activeElement);
    row.replaceChildren(name, cell(d.connected ? 'up' : 'lost', d.connected ? 'link-up' : 'link-lost'),
      cell(battery, d.batteryPercent != null && d.batteryPercent < 25 ? 'battery-low' : null), state, command);
    if (focused && command.firstChild) {
      command.firstChild.focus();
    }
  }

  async recall(droneId) {
    this.say(this.droneMessage, `Calling ${droneId} back…`);
    try {
      await this.api.post(`/drones/${encodeURIComponent(droneId)}/return`);
      this.say(this.droneMessage, `${droneId} is returning to its base.`);
    } catch (e) {
      this.say(this.droneMessage, `${droneId} not recalled: ${e.message}`, true);
    }
  }

  /** Shows a sweep (a summary from the list, or the full sweep from an event); the latest 8 are listed. */
  showSweep(s) {
    this.sweeps.set(s.sweepId, s);
    const latest = [...this.sweeps.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 8);
    this.sweepList.replaceChildren(...latest.map((sweep) => this.sweepItem(sweep)));
  }

  sweepItem(s) {
    const li = document.createElement('li');
    li.dataset.sweepId = s.sweepId;
    li.dataset.state = s.state;
    const counts = s.counts || {};
    const label = document.createElement('span');
    label.textContent = `${s.sweepId}: `;
    const state = document.createElement('span');
    state.className = `sweep-state-${s.state}`;
    state.textContent = s.state;
    const progress = document.createElement('span');
    progress.textContent = ` · ${counts.swept ?? 0} of ${counts.sites ?? '?'} sites swept`;
    label.append(state, progress);
    li.append(label);
    if ((s.state === 'planned' || s.state === 'flying') && may(this.role, 'commandDrones')) {
      li.append(button('Abort', 'abort', () => this.abort(s.sweepId), 'danger'));
    }
    return li;
  }

  async launch() {
    this.say(this.sweepMessage, 'Launching a sweep…');
    try {
      const sweep = await this.api.post('/sweeps', {});
      this.showSweep(sweep);
      this.say(this.sweepMessage, `Sweep ${sweep.sweepId} launched.`);
    } catch (e) {
      this.say(this.sweepMessage, `Not launched: ${e.message}`, true);
    }
  }

  async abort(sweepId) {
    try {
      const sweep = await this.api.post(`/sweeps/${encodeURIComponent(sweepId)}/abort`);
      this.showSweep(sweep);
      this.say(this.sweepMessage, `Sweep ${sweepId} aborted; its drones return.`);
    } catch (e) {
      this.say(this.sweepMessage, `Not aborted: ${e.message}`, true);
    }
  }

  say(target, text, failed = false) {
    target.textContent = text;
    target.classList.toggle('failed', failed);
  }
}
