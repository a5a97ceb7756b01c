-- Charity linkage (慈善衔接). Charities' projects with their causes, areas, per-case maximum and budget; a project's
-- commitments never exceed its budget (a check and a conditional update decide, also between two claims at once).
create table charity_project
(
  id           uuid primary key,
  unit_id      uuid           not null,
  unit_name    varchar(100)   not null,
  name         varchar(100)   not null,
  description  varchar(1000),
  causes       varchar(40)[]  not null,
  region_paths varchar(200)[] not null,
  per_case_max numeric(12, 2) not null check (per_case_max > 0),
  budget       numeric(14, 2) not null check (budget >= 0),
  committed    numeric(14, 2) not null default 0 check (committed >= 0),
  goods        varchar(500),
  active       boolean        not null,
  created_by   varchar(100)   not null,
  created_at   timestamptz    not null,
  check (committed <= budget)
);
create index charity_project_unit_idx on charity_project (unit_id);

-- Needs a township publishes from a case, de-identified (surname + 某, no numbers, no address, no diagnosis), only
-- when the case records a legal basis for sharing. One live need per case.
create table charity_need
(
  id            uuid primary key,
  case_number   varchar(20)    not null,
  township      varchar(12)    not null,
  township_path varchar(200)   not null,
  display_name  varchar(10)    not null,
  causes        varchar(40)[]  not null,
  kinds         varchar(12)[]  not null,
  amount        numeric(12, 2) not null check (amount >= 0),
  summary       varchar(300)   not null,
  sharing_basis varchar(12)    not null,
  status        varchar(12)    not null check (status in ('OPEN', 'CLAIMED', 'DELIVERED', 'CONFIRMED', 'WITHDRAWN')),
  published_by  varchar(100)   not null,
  published_at  timestamptz    not null,
  version       bigint         not null
);
create unique index charity_need_live_idx on charity_need (case_number) where status in ('OPEN', 'CLAIMED', 'DELIVERED');
create index charity_need_status_idx on charity_need (status, published_at);

-- A charity's claim on a need, from one of its projects; one live claim per need.
create table charity_claim
(
  id            uuid primary key,
  need_id       uuid           not null references charity_need (id),
  project_id    uuid           not null references charity_project (id),
  unit_id       uuid           not null,
  amount        numeric(12, 2) not null check (amount >= 0),
  status        varchar(12)    not null check (status in ('CLAIMED', 'DELIVERED', 'CONFIRMED', 'CANCELLED')),
  claimed_by    varchar(100)   not null,
  claimed_at    timestamptz    not null,
  delivered_by  varchar(100),
  delivered_at  timestamptz,
  delivery_note varchar(1000),
  confirmed_by  varchar(100),
  confirmed_at  timestamptz
);
create unique index charity_claim_live_idx on charity_claim (need_id) where status <> 'CANCELLED';
create index charity_claim_project_idx on charity_claim (project_id);
