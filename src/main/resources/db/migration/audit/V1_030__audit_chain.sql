-- The audit trail: append-only and hash-chained (HMAC with a key outside the database).
create table audit_record
(
  sequence       bigint primary key check (sequence > 0),
  occurred_at    timestamptz not null,
  actor          varchar(100) not null,
  action         varchar(80) not null,
  subject_type   varchar(40) not null,
  subject_id     varchar(100) not null,
  result         varchar(10) not null check (result in ('SUCCESS', 'FAILURE')),
  client_address varchar(60),
  details        text not null,
  previous_mac   char(64) not null,
  mac            char(64) not null
);
create index audit_record_subject_idx on audit_record (subject_type, subject_id);
create index audit_record_actor_idx on audit_record (actor, occurred_at);

-- The chain head: the last sequence and HMAC, so that a truncated tail is detected. One row, updated per append.
create table audit_chain_head
(
  id       int primary key check (id = 1),
  sequence bigint not null,
  mac      char(64) not null,
  head_mac varchar(64) not null
);
insert into audit_chain_head (id, sequence, mac, head_mac) values (1, 0, repeat('0', 64), 'genesis');

-- The application may add and read records, never change or remove them.
revoke update, delete, truncate on audit_record from ${app_role};
revoke delete, truncate on audit_chain_head from ${app_role};

create function audit_record_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit records are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_record_append_only before update or delete on audit_record
  for each row execute function audit_record_is_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
  for each statement execute function audit_record_is_append_only();
create trigger audit_chain_head_no_delete before delete on audit_chain_head
  for each row execute function audit_record_is_append_only();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
  for each statement execute function audit_record_is_append_only();
