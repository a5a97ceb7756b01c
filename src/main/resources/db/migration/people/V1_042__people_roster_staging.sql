-- Rows of a running import, checked and sealed, loaded with COPY and moved into people_person with one
-- INSERT … SELECT per batch. Duplicates within one file are found here. Emptied when the import ends.
create table people_roster_staging
(
  import_id        uuid not null references people_roster_import (id),
  row_number       int not null,
  name             varchar(50) not null,
  id_number_sealed text not null,
  id_number_hash   char(64) not null,
  id_number_masked varchar(18) not null,
  birth_date       date not null,
  sex              varchar(6) not null,
  ethnicity        varchar(20),
  phone_sealed     text,
  phone_hash       char(64),
  phone_masked     varchar(20),
  residence        varchar(12) not null,
  residence_path   varchar(200) not null,
  address          varchar(200),
  grade            smallint,
  primary key (import_id, row_number)
);
create index people_roster_staging_hash_idx on people_roster_staging (import_id, id_number_hash);

-- Which import registered a person, so every imported record traces back to its file.
alter table people_person add column source_import uuid references people_roster_import (id);
