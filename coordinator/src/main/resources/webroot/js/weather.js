// The weather in force, the control room's input for it, and the banner that cannot be missed when the
// extreme-weather (cold-wave) plan applies.

export class WeatherPanel {
  constructor({ api }) {
    this.api = api;
    this.now = document.getElementById('weather-now');
    this.banner = document.getElementById('weather-banner');
    this.form = document.getElementById('weather-form');
    this.message = document.getElementById('weather-message');
    this.temp = document.getElementById('weather-temp');
    this.wind = document.getElementById('weather-wind');
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.set();
    });
  }

  show(w) {
    const wind = w.windMps ? `, wind ${w.windMps} m/s` : ', calm';
    this.now.textContent = `${w.ambientTempC} °C${wind}${w.coldWave ? ' — extreme-weather plan in force' : ''}`;
    this.banner.hidden = !w.coldWave;
    this.banner.textContent = w.coldWave
      ? `EXTREME WEATHER: ${w.ambientTempC} °C${wind}. The cold-wave plan is in force: shorter acknowledgement times, more patrols.`
      : '';
    if (document.activeElement !== this.temp && document.activeElement !== this.wind) {
      this.temp.value = w.ambientTempC;
      this.wind.value = w.windMps || 0;
    }
  }

  async set() {
    const body = { ambientTempC: Number(this.temp.value) };
    if (this.wind.value !== '') {
      body.windMps = Number(this.wind.value);
    }
    try {
      this.show(await this.api.put('/weather', body));
      this.message.textContent = 'Weather set.';
      this.message.classList.remove('failed');
    } catch (e) {
      this.message.textContent = `Not set: ${e.message}`;
      this.message.classList.add('failed');
    }
  }
}
