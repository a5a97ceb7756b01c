-- Roster batches now sort rows with one indexed look-up and COPY new persons straight into people_person; the
-- staging table is no longer used.
drop table people_roster_staging;
