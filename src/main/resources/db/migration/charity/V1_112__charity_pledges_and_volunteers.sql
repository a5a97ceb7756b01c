-- Individuals who want to help: pledges of money, goods or volunteer hours for an area and causes, and volunteers
-- with their skills and areas. A volunteer's phone is sealed like every phone in the platform.
create table charity_pledge
(
  id          uuid primary key,
  donor_name  varchar(50)    not null,
  kind        varchar(6)     not null check (kind in ('MONEY', 'GOODS', 'HOURS')),
  quantity    numeric(12, 2) not null check (quantity > 0),
  remaining   numeric(12, 2) not null check (remaining >= 0),
  unit        varchar(10)    not null,
  description varchar(300)   not null,
  region_path varchar(200)   not null,
  causes      varchar(40)[]  not null,
  recorded_by varchar(100)   not null,
  recorded_at timestamptz    not null,
  check (remaining <= quantity)
);
create index charity_pledge_region_idx on charity_pledge (region_path varchar_pattern_ops) where remaining > 0;

create table charity_volunteer
(
  id            uuid primary key,
  name          varchar(50)    not null,
  phone_sealed  text,
  phone_masked  varchar(20),
  skills        varchar(40)[]  not null,
  region_paths  varchar(200)[] not null,
  hours_a_month int            not null check (hours_a_month between 1 and 200),
  recorded_by   varchar(100)   not null,
  recorded_at   timestamptz    not null
);
