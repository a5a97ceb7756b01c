-- Social-work services (社会工作服务). Government purchase contracts with agencies (period, budget, target cases,
-- spending that never exceeds the budget); on cases referred to an agency (an accepted casework task) and shared on a
-- legal basis: a needs assessment, a service plan with goals in the six service types, service records and follow-up.
create table services_contract
(
  id            uuid primary key,
  agency_id     uuid           not null,
  agency_name   varchar(100)   not null,
  title         varchar(200)   not null,
  valid_from    date           not null,
  valid_to      date           not null,
  budget        numeric(14, 2) not null check (budget > 0),
  spent         numeric(14, 2) not null default 0 check (spent >= 0),
  target_cases  int            not null check (target_cases > 0),
  created_by    varchar(100)   not null,
  created_at    timestamptz    not null,
  check (valid_to >= valid_from),
  check (spent <= budget)
);
create index services_contract_agency_idx on services_contract (agency_id);

create table services_assessment
(
  id          uuid primary key,
  case_number varchar(20)   not null,
  agency_id   uuid          not null,
  assessed_on date          not null,
  risk        varchar(6)    not null check (risk in ('LOW', 'MEDIUM', 'HIGH')),
  needs       varchar(30)[] not null,
  summary     varchar(2000) not null,
  assessed_by varchar(100)  not null,
  recorded_at timestamptz   not null
);
create index services_assessment_case_idx on services_assessment (case_number);

create table services_plan
(
  id           uuid primary key,
  case_number  varchar(20)  not null,
  agency_id    uuid         not null,
  contract_id  uuid         not null references services_contract (id),
  goals        jsonb        not null,
  follow_up_on date         not null,
  status       varchar(8)   not null check (status in ('ACTIVE', 'CLOSED')),
  created_by   varchar(100) not null,
  created_at   timestamptz  not null,
  closing_note varchar(1000)
);
create unique index services_plan_active_idx on services_plan (case_number, agency_id) where status = 'ACTIVE';

create table services_record
(
  id          uuid primary key,
  plan_id     uuid           not null references services_plan (id),
  case_number varchar(20)    not null,
  type        varchar(30)    not null,
  served_on   date           not null,
  minutes     int            not null check (minutes between 1 and 1440),
  notes       varchar(2000)  not null,
  outcome     varchar(1000)  not null,
  cost        numeric(12, 2) not null default 0 check (cost >= 0),
  recorded_by varchar(100)   not null,
  recorded_at timestamptz    not null
);
create index services_record_plan_idx on services_record (plan_id, served_on);
