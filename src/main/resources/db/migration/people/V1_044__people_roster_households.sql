-- For household rosters (低保 and other household categories): each good row's person, the head named on it and
-- the relationship, so that households are formed once every row of the file is stored.
create table people_roster_member
(
  import_id    uuid not null references people_roster_import (id),
  row_number   int not null,
  person_hash  char(64) not null,
  head_hash    char(64) not null,
  relationship varchar(20) not null,
  primary key (import_id, row_number)
);
alter table people_roster_import add column households int not null default 0;
