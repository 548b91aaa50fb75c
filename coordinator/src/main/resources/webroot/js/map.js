// The situation map: the site layer drawn from GeoJSON (no tiles can be fetched; a tile URL only where configured),
// the no-fly zones, drones with their trail, and alerts by priority.
import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';

const CATEGORIES = [
  ['bridge', 'bridge'], ['underpass', 'underpass'], ['culvert', 'culvert'],
  ['abandoned_building', 'abandoned building'], ['construction_site', 'construction site'],
  ['atm_lobby', 'ATM lobby'], ['station', 'station'], ['other', 'other'], ['no_fly_zone', 'no-fly zone'],
];
const PRIORITY_COLOURS = { critical: '#ff5c6c', high: '#ffa040', medium: '#ffe066', low: '#9cc9f5' };
const TRAIL_POINTS = 120;

function text(tag, content, className) {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) {
    el.className = className;
  }
  return el;
}

export class SituationMap {
  constructor(element, { tileUrl, onAlertClick }) {
    this.map = L.map(element, { zoomControl: true, keyboard: true, minZoom: 3, maxZoom: 19 });
    this.map.attributionControl.setPrefix('Leaflet');
    this.map.setView([40.09, 113.34], 13);
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 19, attribution: 'map tiles as configured' }).addTo(this.map);
    }
    this.alertRenderer = L.canvas({ padding: 0.3 });
    this.onAlertClick = onAlertClick;
    this.drones = new Map();
    this.alerts = new Map();
    this.addLegend();
  }

  /** Draws the site layer (a GeoJSON FeatureCollection) coloured by category, and fits the map to it. */
  showSites(collection) {
    const layer = L.geoJSON(collection, {
      style: (feature) => ({ className: `site cat-${feature.properties.category}` }),
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 7 }),
      onEachFeature: (feature, sublayer) => {
        const p = feature.properties;
        sublayer.bindTooltip(text('span', `${p.name || p.id} (${(p.category || '').replace(/_/g, ' ')})`));
      },
    }).addTo(this.map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) {
      this.map.fitBounds(bounds, { padding: [20, 20] });
    }
  }

  /** Places or moves a drone; drones without a known position are left off the map. */
  showDrone(drone) {
    if (drone.lat == null || drone.lon == null) {
      return;
    }
    const at = [drone.lat, drone.lon];
    let shown = this.drones.get(drone.droneId);
    if (!shown) {
      const trail = L.polyline([at], { className: 'drone-trail', interactive: false }).addTo(this.map);
      const marker = L.circleMarker(at, { radius: 9, className: 'drone-marker' }).addTo(this.map);
      marker.bindTooltip(text('span', drone.droneId, 'drone-label'), { permanent: true, direction: 'top', offset: [0, -8] });
      marker.getElement().dataset.droneId = drone.droneId;
      shown = { marker, trail };
      this.drones.set(drone.droneId, shown);
    } else {
      shown.marker.setLatLng(at);
      const points = shown.trail.getLatLngs();
      points.push(L.latLng(at));
      if (points.length > TRAIL_POINTS) {
        points.shift();
      }
      shown.trail.setLatLngs(points);
    }
    const el = shown.marker.getElement();
    el.classList.toggle('lost', !drone.connected);
    el.classList.toggle('low', drone.batteryPercent != null && drone.batteryPercent < 25);
  }

  /** Shows an alert (or takes it off when {@code visible} is false). */
  showAlert(alert, visible) {
    let marker = this.alerts.get(alert.alertId);
    if (!visible) {
      if (marker) {
        marker.remove();
        this.alerts.delete(alert.alertId);
      }
      return;
    }
    const colour = PRIORITY_COLOURS[alert.priority] || '#ffffff';
    const radius = alert.priority === 'critical' ? 11 : 8;
    if (!marker) {
      marker = L.circleMarker([alert.lat, alert.lon], {
        renderer: this.alertRenderer, radius, color: '#ffffff', weight: 2, fillColor: colour, fillOpacity: 0.9,
      }).addTo(this.map);
      marker.on('click', () => this.onAlertClick(alert.alertId));
      this.alerts.set(alert.alertId, marker);
    } else {
      marker.setLatLng([alert.lat, alert.lon]);
      marker.setStyle({ radius, fillColor: colour });
    }
    marker.unbindTooltip();
    marker.bindTooltip(text('span', `${alert.priority}: ${alert.siteName || 'no site near'} (${alert.state})`));
  }

  focus(lat, lon) {
    this.map.panTo([lat, lon]);
  }

  addLegend() {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const box = document.createElement('div');
      box.className = 'legend';
      box.append(text('h3', 'Sites'));
      const list = document.createElement('ul');
      for (const [category, label] of CATEGORIES) {
        const item = document.createElement('li');
        item.append(text('span', '', `swatch cat-${category}`), text('span', label));
        list.append(item);
      }
      const drone = document.createElement('li');
      drone.append(text('span', '', 'swatch drone'), text('span', 'drone'));
      const alert = document.createElement('li');
      alert.append(text('span', '', 'swatch alert'), text('span', 'alert (by priority)'));
      list.append(drone, alert);
      box.append(list);
      return box;
    };
    legend.addTo(this.map);
  }
}
