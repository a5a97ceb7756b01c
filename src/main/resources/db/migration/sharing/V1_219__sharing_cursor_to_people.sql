-- The relay's place in the rosters' change log is now kept by people (people_roster_reader); it continues from here.
insert into people_roster_reader (name, cursor, updated_at)
select 'sharing.' || name, cursor, updated_at from sharing_relay_cursor;
drop table sharing_relay_cursor;
