-- Roster imports: one row per distinct uploaded file (same content, same import), processed in batches whose
-- checkpoint (rows_done) commits with the batch, so a crash resumes after the last committed batch.
create table people_roster_import
(
  id             uuid primary key,
  file_name      varchar(200) not null,
  file_sha256    char(64) not null,
  format         varchar(4) not null check (format in ('CSV', 'XLSX')),
  category_code  varchar(40) references people_category (code),
  source         varchar(200) not null,
  status         varchar(10) not null check (status in ('RECEIVED', 'RUNNING', 'COMPLETED', 'REJECTED')),
  rows_total     int,
  rows_done      int not null default 0,
  rows_added     int not null default 0,
  rows_matched   int not null default 0,
  rows_failed    int not null default 0,
  lookalikes     int not null default 0,
  rejection      varchar(80),
  uploaded_by    varchar(100) not null,
  scope_path     varchar(200) not null,
  lease_until    timestamptz,
  created_at     timestamptz not null,
  finished_at    timestamptz,
  version        bigint not null default 0
);
create unique index people_roster_import_file_uq on people_roster_import (file_sha256, scope_path, coalesce(category_code, ''), source);

-- What was wrong with each rejected row, for the downloadable report.
create table people_roster_problem
(
  import_id   uuid not null references people_roster_import (id),
  row_number  int not null,
  column_name varchar(40),
  code        varchar(80) not null,
  primary key (import_id, row_number, code)
);

-- Persons who look like someone already registered (same name, birth date and village, another ID number):
-- flagged for review, never merged.
create table people_lookalike
(
  id           uuid primary key,
  person_id    uuid not null references people_person (id),
  resembles_id uuid not null references people_person (id),
  import_id    uuid references people_roster_import (id),
  row_number   int,
  status       varchar(10) not null default 'OPEN' check (status in ('OPEN', 'DISTINCT', 'SAME')),
  created_at   timestamptz not null,
  unique (person_id, resembles_id)
);
