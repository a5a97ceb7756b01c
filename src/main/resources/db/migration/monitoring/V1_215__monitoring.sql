-- Early warning (动态监测预警): dated facts about persons from the platform and from departments (signals), the
-- county's rules over them, and the warnings a village must check.

-- Which departments may send which kinds of signal (信号共享协议); a source without an agreement sends nothing.
create table monitoring_source
(
  unit_id    uuid primary key,
  unit_name  varchar(100)  not null,
  kinds      varchar(30)[] not null,
  agreement  varchar(100)  not null,
  updated_by varchar(100)  not null,
  updated_at timestamptz   not null
);

-- Signals. The ID number is sealed, with a look-up hash that matches a signal to a person registered later.
-- person_id is null while the signal is unmatched; seq is the order of arrival, in which rules judge signals.
create table monitoring_signal
(
  id               uuid primary key,
  seq              bigserial      not null unique,
  source           varchar(100)   not null,
  reference        varchar(100)   not null,
  kind             varchar(30)    not null,
  occurred_on      date           not null,
  received_at      timestamptz    not null,
  id_number_sealed text,
  id_number_hash   varchar(64),
  person_id        uuid,
  household_key    uuid,
  residence_path   varchar(200),
  amount           numeric(12, 2) check (amount >= 0),
  year_total       numeric(12, 2) check (year_total >= 0),
  category         varchar(40),
  detail_sealed    text,
  unique (source, reference)
);
create index monitoring_signal_household_idx on monitoring_signal (household_key, seq);
create index monitoring_signal_unmatched_idx on monitoring_signal (id_number_hash) where person_id is null;
create index monitoring_signal_occurred_idx on monitoring_signal (occurred_on);

-- The county's versions of each rule; a county without a version of its own uses the platform's defaults.
create table monitoring_rule
(
  county      varchar(6)    not null,
  code        varchar(30)   not null,
  version     int           not null,
  valid_from  date          not null,
  active      boolean       not null,
  severity    varchar(6)    not null check (severity in ('RED', 'ORANGE', 'YELLOW')),
  threshold   numeric(12, 2),
  multiple    numeric(6, 2),
  months      int,
  categories  varchar(40)[] not null,
  set_by      varchar(100)  not null,
  set_at      timestamptz   not null,
  primary key (county, code, version)
);

create sequence monitoring_warning_number_seq;

-- Warnings: one per household, rule and period; later signals join the open warning.
create table monitoring_warning
(
  id              uuid primary key,
  number          varchar(20)   not null unique,
  rule_code       varchar(30)   not null,
  rule_version    int           not null,
  period          varchar(7)    not null,
  household_key   uuid          not null,
  person_id       uuid          not null,
  residence_path  varchar(200)  not null,
  township_path   varchar(200)  not null,
  severity        varchar(6)    not null,
  reason          varchar(300)  not null,
  status          varchar(20)   not null,
  owner           varchar(100)  not null,
  first_signal_on date          not null,
  raised_at       timestamptz   not null,
  due_at          timestamptz   not null,
  checked_at      timestamptz,
  checked_by      varchar(100),
  check_method    varchar(10),
  checked_on      date,
  findings        varchar(1000),
  outcome_reason  varchar(500),
  request_number  varchar(30),
  aided_at        timestamptz,
  unique (rule_code, period, household_key)
);
create index monitoring_warning_owner_idx on monitoring_warning (owner) where status in ('OPEN', 'UNREACHABLE');
create index monitoring_warning_township_idx on monitoring_warning (township_path, status);

create table monitoring_warning_signal
(
  warning_id uuid not null references monitoring_warning (id),
  signal_id  uuid not null references monitoring_signal (id),
  primary key (warning_id, signal_id)
);

-- Every assistance a household received, as the assistance chain announces it: what a warning led to, and what a
-- dry run of a rule compares its warnings with.
create table monitoring_household_aid
(
  record_id     uuid primary key,
  household_key uuid        not null,
  aided_at      timestamptz not null
);
create index monitoring_household_aid_idx on monitoring_household_aid (household_key, aided_at);
