-- Investigation of a case (调查核实): household visits by at least two staff who each confirm the record, the
-- household economic-status check (家庭经济状况核对) with the family's authorisation and a report that is reused
-- while valid, an optional democratic evaluation (民主评议), and the public notice (公示) with its period and any
-- objections. The notice text is generated without ID numbers, phones, bank accounts or diagnoses.
create table casework_visit
(
  id          uuid primary key,
  case_id     uuid          not null references casework_case (id),
  visited_on  date          not null,
  findings    varchar(4000) not null,
  recorded_by varchar(100)  not null,
  recorded_at timestamptz   not null
);
create index casework_visit_case_idx on casework_visit (case_id);

create table casework_visit_visitor
(
  visit_id     uuid         not null references casework_visit (id),
  visitor      varchar(100) not null,
  confirmed_at timestamptz,
  primary key (visit_id, visitor)
);

create table casework_economic_check
(
  id                 uuid primary key,
  case_id            uuid          not null references casework_case (id),
  household_key      varchar(60)   not null,
  authorised_on      date          not null,
  authorisation_note varchar(500)  not null,
  requested_by       varchar(100)  not null,
  requested_at       timestamptz   not null,
  report_date        date,
  valid_until        date,
  summary            varchar(2000),
  reused_from        uuid references casework_economic_check (id)
);
create index casework_economic_check_household_idx on casework_economic_check (household_key, valid_until);
create index casework_economic_check_case_idx on casework_economic_check (case_id);

create table casework_evaluation
(
  id           uuid primary key,
  case_id      uuid          not null references casework_case (id),
  held_on      date          not null,
  participants int           not null check (participants > 0),
  outcome      varchar(10)   not null check (outcome in ('AGREED', 'DISAGREED')),
  notes        varchar(2000) not null,
  recorded_by  varchar(100)  not null,
  recorded_at  timestamptz   not null
);

create table casework_notice
(
  id          uuid primary key,
  case_id     uuid          not null references casework_case (id),
  text        varchar(2000) not null,
  posted_from date          not null,
  posted_until date         not null,
  posted_by   varchar(100)  not null,
  posted_at   timestamptz   not null
);
create index casework_notice_case_idx on casework_notice (case_id);

create table casework_notice_objection
(
  id          uuid primary key,
  notice_id   uuid          not null references casework_notice (id),
  received_on date          not null,
  summary     varchar(2000) not null,
  recorded_by varchar(100)  not null,
  recorded_at timestamptz   not null
);
