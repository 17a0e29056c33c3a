-- Bookings and flight-operations records, as imports write them: every instance reads the same facts, and an import
-- reaches every instance at once.
CREATE TABLE bookings (
    record_locator  text PRIMARY KEY,
    json            text NOT NULL
);

CREATE TABLE flights (
    flight_key  text PRIMARY KEY,
    json        text NOT NULL
);
