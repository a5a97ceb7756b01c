-- Supervision (督办): every step somebody owes — accept a request, investigate, decide, accept or finish a referred
-- task, reply to a supervision order — with its due time and the person and unit responsible. A sweep claims the
-- steps whose next action is due (warning before the due time, escalation after it) with FOR UPDATE SKIP LOCKED,
-- so several application nodes never act twice on one step; the partial index keeps its cost on the due steps.
create table supervision_step
(
  id              uuid primary key,
  kind            varchar(30)  not null,
  subject_ref     varchar(60)  not null,
  case_number     varchar(20),
  area_path       varchar(200) not null,
  unit_key        varchar(60)  not null,
  unit_name       varchar(100) not null,
  responsible     varchar(100) not null,
  started_at      timestamptz  not null,
  due_at          timestamptz  not null,
  status          varchar(10)  not null check (status in ('OPEN', 'DONE', 'RETURNED', 'CANCELLED')),
  stage           int          not null default 0,
  next_action_at  timestamptz,
  done_at         timestamptz,
  done_by         varchar(100),
  unique (kind, subject_ref, started_at)
);
create index supervision_step_next_idx on supervision_step (next_action_at) where status = 'OPEN';
create index supervision_step_subject_idx on supervision_step (subject_ref) where status = 'OPEN';
create index supervision_step_case_idx on supervision_step (case_number) where status = 'OPEN';
create index supervision_step_unit_idx on supervision_step (unit_key, status);
create index supervision_step_area_idx on supervision_step (area_path varchar_pattern_ops);

-- Supervision orders (督办单): an instruction with a required reply date, and the reply.
create table supervision_order
(
  id           uuid primary key,
  case_number  varchar(20)   not null,
  area_path    varchar(200)  not null,
  instruction  varchar(2000) not null,
  issued_by    varchar(100)  not null,
  issued_at    timestamptz   not null,
  reply_by     timestamptz   not null,
  reply        varchar(2000),
  replied_by   varchar(100),
  replied_at   timestamptz,
  version      bigint        not null
);
create index supervision_order_case_idx on supervision_order (case_number);

-- Accountability records (责任追究).
create table supervision_accountability
(
  id           uuid primary key,
  failure      varchar(20)   not null check (failure in ('NOT_ACCEPTED', 'WRONGLY_REFUSED', 'BUCK_PASSING', 'LATE',
                                                         'DATA_LEAKED', 'RECORD_ALTERED')),
  step_id      uuid references supervision_step (id),
  case_number  varchar(20),
  area_path    varchar(200)  not null,
  unit_key     varchar(60)   not null,
  unit_name    varchar(100)  not null,
  person       varchar(100)  not null,
  description  varchar(2000) not null,
  recorded_by  varchar(100)  not null,
  recorded_at  timestamptz   not null
);
