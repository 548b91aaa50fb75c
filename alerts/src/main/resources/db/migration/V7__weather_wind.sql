-- The wind speed the control room last set with the temperature (PUT /api/v1/weather, windMps): the alert risk uses
-- it for the wind chill at exposed places. Rows stored before it knew no wind: calm.
ALTER TABLE weather ADD COLUMN wind_mps DOUBLE PRECISION DEFAULT 0 NOT NULL;
