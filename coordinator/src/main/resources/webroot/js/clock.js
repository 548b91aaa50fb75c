// "How long ago" on the coordinator's clock: the latest time it stamped on anything the page received (a simulated
// clock in the demo runs ahead of the wall), or this computer's clock when that is later.

let latestStamp = 0;

export function observe(iso) {
  const t = Date.parse(iso);
  if (Number.isFinite(t) && t > latestStamp) {
    latestStamp = t;
  }
}

export function now() {
  return Math.max(Date.now(), latestStamp);
}

export function age(iso) {
  const s = Math.max(0, (now() - Date.parse(iso)) / 1000);
  if (s < 90) {
    return `${Math.round(s)} s`;
  }
  if (s < 90 * 60) {
    return `${Math.round(s / 60)} min`;
  }
  return `${(s / 3600).toFixed(1)} h`;
}
