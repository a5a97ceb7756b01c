-- Referral and split handling (转办/分办): tasks from a case to other units, each with a kind, a responsible
-- receiving unit, a time to acknowledge (签收) and a time to finish (办结). Returns (退回) are kept one row each so
-- that every return is counted, per unit and per person.
create table casework_task
(
  id                  uuid primary key,
  case_id             uuid          not null references casework_case (id),
  kind                varchar(30)   not null check (kind in ('VERIFY', 'DEPARTMENT_ASSISTANCE', 'SERVICE',
                                                             'CHARITY_HELP', 'OTHER')),
  request             varchar(1000) not null,
  status              varchar(12)   not null check (status in ('REFERRED', 'ACCEPTED', 'RETURNED', 'COMPLETED')),
  unit_id             uuid          not null,
  unit_name           varchar(100)  not null,
  owner               varchar(100)  not null,
  referred_by         varchar(100)  not null,
  referred_at         timestamptz   not null,
  accept_by           timestamptz   not null,
  due_at              timestamptz   not null,
  due_working_days    int           not null,
  accepted_by         varchar(100),
  accepted_at         timestamptz,
  completed_by        varchar(100),
  completed_at        timestamptz,
  result              varchar(2000),
  returns             int           not null default 0,
  version             bigint        not null
);
create index casework_task_case_idx on casework_task (case_id);
create index casework_task_unit_idx on casework_task (unit_id, status);

create table casework_task_return
(
  task_id     uuid          not null references casework_task (id),
  ordinal     int           not null,
  unit_id     uuid          not null,
  unit_name   varchar(100)  not null,
  returned_by varchar(100)  not null,
  returned_at timestamptz   not null,
  reason      varchar(1000) not null,
  primary key (task_id, ordinal)
);
