-- legal: the statutory holiday calendar (Civil Code art. 203: a period whose last day is a statutory holiday ends
-- on the next working day). A year is "loaded" when it has at least one row; in a loaded year Saturdays and
-- Sundays are rest days unless listed as WORKDAY (调休), and every HOLIDAY is a rest day. Years not loaded shift
-- nothing.
CREATE TABLE legal_holiday (
    holiday_date DATE         NOT NULL PRIMARY KEY,
    kind VARCHAR(10)  NOT NULL,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT legal_holiday_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);

-- derived from legal_holiday whenever a year is loaded: every rest day of the loaded years with the working day
-- after it, so the clock's last day is moved by one join
CREATE TABLE legal_rest_day (
    rest_date        DATE NOT NULL PRIMARY KEY,
    next_working_day DATE NOT NULL
);

-- a paper letter counts as a delivered demand once its courier receipt is entered
ALTER TABLE limitation_event ADD COLUMN courier_no VARCHAR(64);
ALTER TABLE limitation_event ADD COLUMN delivered_on DATE;
