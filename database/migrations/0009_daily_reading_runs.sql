-- The scheduled days the daily readings were made for, one row per day whose pass finished with no
-- failure. A catch-up after downtime fills in the scheduled days since the newest of them, and
-- only those: a day on record is done, so a reading its owner deleted is not made again.

-- Up Migration

CREATE TABLE daily_reading_runs (
  run_date    date        NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  generated   integer     NOT NULL DEFAULT 0,
  existing    integer     NOT NULL DEFAULT 0,
  CONSTRAINT daily_reading_runs_pkey PRIMARY KEY (run_date)
);

-- Down Migration

DROP TABLE daily_reading_runs;
