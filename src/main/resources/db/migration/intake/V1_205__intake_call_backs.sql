-- Call-backs (回电) owed to callers who asked for one: who owes it, by when, and every attempt with its outcome and
-- note. One per request. A call-back closes when the caller was reached, or after the attempts the county allows.
create table intake_call_back
(
  id              uuid primary key,
  request_number  varchar(20)  not null unique references intake_help_request (number),
  owner           varchar(100) not null,
  due_at          timestamptz  not null,
  status          varchar(10)  not null check (status in ('OWED', 'REACHED', 'UNREACHED')),
  closed_at       timestamptz,
  closed_by       varchar(100),
  version         bigint       not null,
  check ((status = 'OWED') = (closed_at is null))
);
create index intake_call_back_owed_idx on intake_call_back (owner, due_at) where status = 'OWED';

create table intake_call_back_attempt
(
  call_back_id  uuid         not null references intake_call_back (id),
  attempt       int          not null,
  outcome       varchar(12)  not null check (outcome in ('REACHED', 'NOT_REACHED')),
  note          varchar(500) not null,
  made_by       varchar(100) not null,
  made_at       timestamptz  not null,
  primary key (call_back_id, attempt)
);
