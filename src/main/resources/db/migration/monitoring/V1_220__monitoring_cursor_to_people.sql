-- Early warning's place in the rosters' change log is now kept by people (people_roster_reader); it continues from here.
insert into people_roster_reader (name, cursor, updated_at)
select 'monitoring.' || name, cursor, updated_at from monitoring_roster_cursor;
drop table monitoring_roster_cursor;
