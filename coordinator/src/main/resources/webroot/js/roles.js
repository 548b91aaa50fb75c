// What each role may do (CONTRACT §5); the page shows only that. The server decides: it answers 403 otherwise.

const MAY = {
  readAlerts: ['controlroom', 'groundteam', 'admin'],
  actOnAlerts: ['controlroom', 'groundteam', 'admin'],
  reviewAlerts: ['controlroom', 'admin'],
  readDrones: ['operator', 'controlroom', 'admin'],
  commandDrones: ['operator', 'admin'],
  readSweeps: ['operator', 'controlroom', 'admin'],
  setWeather: ['controlroom', 'admin'],
  readFigures: ['controlroom', 'admin'],
};

export function may(role, what) {
  return (MAY[what] || []).includes(role);
}

/** Shows the elements marked data-needs="what" only to a role that may do it. */
export function applyRole(role, root = document) {
  root.querySelectorAll('[data-needs]').forEach((el) => {
    el.hidden = !may(role, el.dataset.needs);
  });
}

export function describe(who) {
  const names = {
    operator: 'Operator: sweeps and drones',
    controlroom: 'Control room: alerts, teams and figures',
    groundteam: `Ground team ${who.teamId}: its own alerts`,
    admin: 'Administrator: everything',
  };
  return names[who.role] || who.role;
}
