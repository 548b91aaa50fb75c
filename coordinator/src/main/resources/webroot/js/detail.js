// One alert in full, with the actions the role may take on it now: confirm or dismiss one under review,
// acknowledge, report the team on site, resolve with the outcome and aid given, hand over.
import { may } from './roles.js';
import { age } from './clock.js';
import { placeOf, stateOf } from './alerts.js';

const ITEMS = [['coat', 'coat'], ['trousers', 'trousers'], ['shoes', 'shoes'], ['blanket', 'blanket'],
  ['food', 'food'], ['hot_drink', 'hot drink'], ['help_card', 'help card']];

function el(tag, content, attrs = {}) {
  const e = document.createElement(tag);
  if (content != null) {
    e.textContent = content;
  }
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
}

export class AlertDetail {
  constructor({ api, role, board, map }) {
    this.api = api;
    this.role = role;
    this.board = board;
    this.map = map;
    this.alertId = null;
    this.panel = document.getElementById('alert-detail');
    this.title = document.getElementById('detail-title');
    this.facts = document.getElementById('detail-facts');
    this.reasons = document.getElementById('detail-reasons');
    this.actions = document.getElementById('detail-actions');
    this.message = document.getElementById('detail-message');
    this.resolveForm = document.getElementById('resolve-form');
    this.handoverForm = document.getElementById('handover-form');
    this.buildItems();
    document.getElementById('detail-close').addEventListener('click', () => this.close());
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.close();
      }
    });
    this.panel.querySelectorAll('[data-close-form]').forEach((b) => b.addEventListener('click', () => this.hideForms()));
    this.resolveForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.resolve();
    });
    this.handoverForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.handover();
    });
  }

  buildItems() {
    const box = document.getElementById('resolve-items');
    for (const [value, label] of ITEMS) {
      const id = `item-${value}`;
      const wrap = el('label', null, { for: id });
      const box1 = el('input', null, { type: 'checkbox', id, value });
      wrap.append(box1, document.createTextNode(label));
      box.append(wrap);
    }
  }

  open(alertId) {
    const alert = this.board.get(alertId);
    if (!alert) {
      return;
    }
    this.alertId = alertId;
    this.board.select(alertId);
    this.hideForms();
    this.say('');
    this.panel.hidden = false;
    this.show(alert);
    this.map.focus(alert.lat, alert.lon);
    this.title.focus();
  }

  close() {
    const was = this.alertId;
    this.alertId = null;
    this.panel.hidden = true;
    this.board.select(null);
    const row = was && document.querySelector(`#alert-list li[data-alert-id="${CSS.escape(was)}"] button`);
    (row || document.getElementById('alerts')).focus();
  }

  /** Called with every change of any alert: redraws when it is the one shown. */
  changed(alert) {
    if (alert.alertId === this.alertId) {
      this.show(alert);
    }
  }

  show(alert) {
    this.panel.className = `panel detail prio-${alert.priority}`;
    this.panel.dataset.state = alert.state;
    this.title.textContent = `${alert.priority.toUpperCase()}: ${placeOf(alert)}`;
    const facts = [
      ['State', stateOf(alert)], ['Team', alert.teamId], ['Risk', `${Math.round(alert.risk * 100)} %`],
      ['First seen', `${age(alert.firstSeen)} ago`], ['Last seen', `${age(alert.lastSeen)} ago`],
      ['Category', (alert.category || 'none').replace(/_/g, ' ')],
      ['Temperature', alert.ambientTempC == null ? 'unknown' : `${alert.ambientTempC} °C`],
      ['Detections', String(alert.detectionCount)], ['Escalations', String(alert.escalations)],
      ['Last action', alert.lastActionBy || 'none'], ['Alert id', alert.alertId],
    ];
    if (alert.flags && alert.flags.length) {
      facts.splice(2, 0, ['Flags', alert.flags.join(', ')]);
    }
    this.facts.replaceChildren(...facts.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
    const reasons = alert.reasons && alert.reasons.length ? alert.reasons : ['no reason given'];
    this.reasons.replaceChildren(...reasons.map((r) => el('li', r)));
    const focused = this.actions.contains(document.activeElement) ? document.activeElement.dataset.action : null;
    this.actions.replaceChildren(...this.buttons(alert));
    const again = focused && this.actions.querySelector(`[data-action="${focused}"]`);
    if (again) {
      again.focus();
    } else if (focused) {
      this.title.focus();
    }
  }

  buttons(alert) {
    const out = [];
    const add = (action, label, className, run) => {
      const b = el('button', label, { type: 'button', 'data-action': action });
      if (className) {
        b.className = className;
      }
      b.addEventListener('click', run);
      out.push(b);
    };
    if (alert.state === 'resolved' || !may(this.role, 'actOnAlerts')) {
      return out;
    }
    if (alert.dispatch !== 'team') {
      if (may(this.role, 'reviewAlerts')) {
        add('confirm', 'Confirm: send to the team', 'confirm', () => this.act('confirm', {}, 'Confirmed and sent to the team.'));
        add('dismiss', 'Dismiss as a false alarm', 'danger', () => this.act('dismiss', {}, 'Dismissed.'));
      }
      return out;
    }
    if (alert.state === 'open' || alert.state === 'escalated') {
      add('ack', 'Acknowledge', 'confirm', () => this.act('ack', {}, 'Acknowledged.'));
    }
    if (alert.state === 'acknowledged' && !alert.onSiteAt) {
      add('arrive', 'Team is on site', null, () => this.act('arrive', {}, 'The team is on site.'));
    }
    add('resolve', 'Resolve…', null, () => this.showForm(this.resolveForm));
    add('handover', 'Hand over…', 'quiet', () => this.showForm(this.handoverForm));
    return out;
  }

  showForm(form) {
    this.hideForms();
    form.hidden = false;
    const first = form.querySelector('select, input, textarea');
    if (first) {
      first.focus();
    }
  }

  hideForms() {
    this.resolveForm.hidden = true;
    this.handoverForm.hidden = true;
  }

  resolve() {
    const items = [...this.resolveForm.querySelectorAll('#resolve-items input:checked')].map((i) => i.value);
    document.getElementById('resolve-other').value.split(',').map((s) => s.trim()).filter(Boolean)
      .forEach((s) => items.push(s));
    const body = { outcome: document.getElementById('resolve-outcome').value, items };
    const note = document.getElementById('resolve-note').value.trim();
    if (note) {
      body.note = note;
    }
    this.act('resolve', body, 'Resolved.').then((done) => {
      if (done) {
        this.resolveForm.reset();
        this.hideForms();
      }
    });
  }

  handover() {
    const body = {};
    const team = document.getElementById('handover-team').value.trim();
    const note = document.getElementById('handover-note').value.trim();
    if (team) {
      body.toTeam = team;
    }
    if (note) {
      body.note = note;
    }
    this.act('handover', body, 'Handed over.').then((done) => {
      if (done) {
        this.handoverForm.reset();
        this.hideForms();
      }
    });
  }

  async act(action, body, done) {
    const alertId = this.alertId;
    this.say(`${action}…`);
    try {
      const alert = await this.api.post(`/alerts/${encodeURIComponent(alertId)}/${action}`, body);
      this.board.put(alert);
      this.changed(alert);
      this.say(done);
      return true;
    } catch (e) {
      this.say(`Not done: ${e.message}`, true);
      return false;
    }
  }

  say(text, failed = false) {
    this.message.textContent = text;
    this.message.classList.toggle('failed', failed);
  }
}
