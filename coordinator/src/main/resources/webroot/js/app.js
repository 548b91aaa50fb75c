// The control-room dashboard: asks for a token, then shows what that token's role may see and do, kept live by the
// event stream (GET /api/v1/events); after every (re)connection what is shown is reloaded from the API.
import { ApiError, client, forgetToken, saveToken, savedToken } from './api.js';
import { applyRole, describe, may } from './roles.js';
import { follow } from './events.js';
import { SituationMap } from './map.js';
import { AlertBoard } from './alerts.js';
import { AlertDetail } from './detail.js';
import { Fleet } from './fleet.js';
import { WeatherPanel } from './weather.js';

const $ = (id) => document.getElementById(id);
const OPEN_STATES = ['open', 'acknowledged', 'escalated'];

function showLogin(message) {
  $('login').hidden = false;
  $('board').hidden = true;
  $('login-error').textContent = message || '';
  $('token').focus();
}

async function signIn(token) {
  const api = client(token);
  const who = await api.get('/whoami');
  saveToken(token);
  const settings = await fetch('/dashboard-settings.json', { cache: 'no-store' }).then((r) => r.json()).catch(() => ({}));
  start(api, who, settings);
}

function start(api, who, settings) {
  $('login').hidden = true;
  $('board').hidden = false;
  $('sign-out').hidden = false;
  $('who').textContent = describe(who);
  $('figures-link').hidden = !may(who.role, 'readFigures');
  applyRole(who.role);

  const map = new SituationMap($('map'), { tileUrl: settings.tileUrl, onAlertClick: (id) => detail.open(id) });
  const board = new AlertBoard({
    list: $('alert-list'), count: $('alert-count'), more: $('alert-more'), showWatch: $('show-watch'), map,
    onSelect: (id) => detail.open(id),
  });
  const detail = new AlertDetail({ api, role: who.role, board, map });
  const fleet = new Fleet({ api, role: who.role, map });
  const weather = new WeatherPanel({ api });

  api.get('/sites').then((sites) => map.showSites(sites)).catch((e) => console.warn('sites not shown', e));

  async function reload() {
    const loads = [api.get('/weather').then((w) => weather.show(w))];
    if (may(who.role, 'readAlerts')) {
      OPEN_STATES.forEach((state) => loads.push(api.get(`/alerts?state=${state}`)
        .then((alerts) => alerts.forEach((a) => board.put(a)))));
    }
    if (may(who.role, 'readDrones')) {
      loads.push(api.get('/drones').then((drones) => drones.forEach((d) => fleet.showDrone(d))));
    }
    if (may(who.role, 'readSweeps')) {
      loads.push(api.get('/sweeps?limit=8').then((sweeps) => sweeps.forEach((s) => fleet.showSweep(s))));
    }
    await Promise.allSettled(loads);
  }

  const stream = follow(api.token, {
    onOpen: reload,
    onStatus: (state) => {
      const live = $('live');
      live.dataset.state = state;
      live.textContent = { live: 'live', reconnecting: 'reconnecting…', refused: 'signed out' }[state] || state;
      if (state === 'refused') {
        forgetToken();
        window.location.reload();
      }
    },
    onEvent: (name, data) => {
      if (name === 'alert') {
        board.put(data);
        detail.changed(board.get(data.alertId));
      } else if (name === 'drone') {
        fleet.showDrone(data);
      } else if (name === 'sweep') {
        fleet.showSweep(data);
      } else if (name === 'weather') {
        weather.show(data);
      }
    },
  });

  $('sign-out').addEventListener('click', () => {
    stream.stop();
    forgetToken();
    window.location.reload();
  });
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('token').value.trim();
    signIn(token).catch((err) => showLogin(err instanceof ApiError && err.status === 401
      ? 'That token is not valid.' : `Cannot sign in: ${err.message}`));
  });
  const token = savedToken();
  if (token) {
    signIn(token).catch((err) => {
      forgetToken();
      showLogin(err instanceof ApiError && err.status === 401 ? 'Your token is no longer valid.' : err.message);
    });
  } else {
    showLogin();
  }
});
