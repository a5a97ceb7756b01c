-- Administrative divisions. The code is the key: a code replaced by another keeps its row, with valid_to and a
-- successor, so old records keep pointing at the code that was valid when they were made.
create table region_division
(
  code           varchar(12) primary key check (code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  name           varchar(100) not null check (length(name) > 0),
  level          varchar(12) not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
  parent_code    varchar(12) references region_division (code),
  valid_from     date,
  valid_to       date,
  successor_code varchar(12) references region_division (code) deferrable initially deferred,
  ancestry       varchar(200) not null,
  demo           boolean not null default false,
  version        bigint not null default 0,
  check (valid_to is null or valid_from is null or valid_to >= valid_from),
  check ((level = 'PROVINCE') = (parent_code is null)),
  check (ancestry like '%/' || code || '/')
);
create index region_division_parent_idx on region_division (parent_code);
create index region_division_ancestry_idx on region_division (ancestry text_pattern_ops);
