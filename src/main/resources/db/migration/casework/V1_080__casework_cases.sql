-- Cases (个案): one per household per emergency, opened when a township accepts a request; later accepted requests
-- about the same household join the open case. The timeline is append-only: every event of the case, who caused it
-- and when.
create sequence casework_case_number_seq;

create table casework_case
(
  id                uuid primary key,
  number            varchar(20)  not null unique,
  status            varchar(20)  not null check (status in ('OPEN', 'INVESTIGATING', 'AWAITING_DECISION', 'DECIDED',
                                                            'DELIVERING', 'FOLLOW_UP', 'CLOSED', 'WITHDRAWN',
                                                            'TRANSFERRED')),
  person_id         uuid,
  household_id      uuid,
  subject_name      varchar(100),
  township          varchar(12)  not null,
  township_path     varchar(200) not null,
  urgency           varchar(10)  not null,
  first_received_at timestamptz  not null,
  opened_at         timestamptz  not null,
  handler           varchar(100) not null,
  status_since      timestamptz  not null,
  transferred_to    varchar(12),
  closing_note      varchar(1000),
  version           bigint       not null
);
create index casework_case_township_idx on casework_case (township_path varchar_pattern_ops, status);
create index casework_case_household_idx on casework_case (household_id) where household_id is not null;
create index casework_case_person_idx on casework_case (person_id) where person_id is not null;

create table casework_case_request
(
  case_id        uuid        not null references casework_case (id),
  request_number varchar(20) not null unique,
  joined_at      timestamptz not null
);
create index casework_case_request_case_idx on casework_case_request (case_id);

create table casework_case_cause
(
  case_id    uuid        not null references casework_case (id),
  cause_code varchar(40) not null,
  primary key (case_id, cause_code)
);

create table casework_timeline
(
  id          bigint generated always as identity primary key,
  case_id     uuid          not null references casework_case (id),
  occurred_at timestamptz   not null,
  actor       varchar(100)  not null,
  kind        varchar(40)   not null,
  detail      varchar(1000) not null default ''
);
create index casework_timeline_case_idx on casework_timeline (case_id, id);
revoke update, delete, truncate on casework_timeline from ${app_role};
