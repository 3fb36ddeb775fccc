-- The complete chart is stored like any other reading type.

-- Up Migration

ALTER TABLE oracle_readings DROP CONSTRAINT oracle_readings_reading_type_check;
ALTER TABLE oracle_readings ADD CONSTRAINT oracle_readings_reading_type_check
  CHECK (reading_type IN ('time', 'name', 'question', 'daily', 'multi', 'timing', 'stamp', 'chart'));

-- Down Migration

DELETE FROM oracle_readings WHERE reading_type = 'chart';
ALTER TABLE oracle_readings DROP CONSTRAINT oracle_readings_reading_type_check;
ALTER TABLE oracle_readings ADD CONSTRAINT oracle_readings_reading_type_check
  CHECK (reading_type IN ('time', 'name', 'question', 'daily', 'multi', 'timing', 'stamp'));
