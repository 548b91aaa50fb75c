-- The ambient temperature the control room last set (PUT /api/v1/weather): one row, kept across restarts so the
-- extreme-weather plan stays in force.
CREATE TABLE weather (
    id             INT PRIMARY KEY,
    ambient_temp_c DOUBLE PRECISION NOT NULL,
    set_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
