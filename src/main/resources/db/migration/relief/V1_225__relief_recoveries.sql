-- Recovery of wrongly paid aid (追回, Order 649 art. 68). Stopping a case's aid cancels the payment orders not yet
-- sent; what was paid becomes an amount to recover per decision or emergency grant, repaid in instalments or waived
-- by a decision under four eyes. Money recovered returns to the fund it came from: the township reserve for
-- emergency aid, the scheme for the rest.
do $$
declare
  found record;
begin
  for found in select conname from pg_constraint
                where conrelid = 'relief_payment_order'::regclass and contype = 'c'
                  and (pg_get_constraintdef(oid) like '%batch_id%' or pg_get_constraintdef(oid) like '%PENDING%')
  loop
    execute format('alter table relief_payment_order drop constraint %I', found.conname);
  end loop;
end $$;
alter table relief_payment_order add constraint relief_payment_order_status_check
  check (status in ('PENDING', 'BATCHED', 'PAID', 'FAILED', 'CANCELLED'));
alter table relief_payment_order add constraint relief_payment_order_batch_check
  check ((status in ('PENDING', 'CANCELLED')) = (batch_id is null));
alter table relief_payment_order add column cancel_reason varchar(200);

alter table relief_reserve_entry drop constraint relief_reserve_entry_kind_check;
alter table relief_reserve_entry add constraint relief_reserve_entry_kind_check
  check (kind in ('TOP_UP', 'SPENDING', 'RECOVERY'));

create table relief_recovery
(
  id            uuid primary key,
  number        varchar(24)    not null unique,
  case_number   varchar(20)    not null,
  source_kind   varchar(10)    not null check (source_kind in ('DECISION', 'EMERGENCY')),
  source_ref    varchar(80)    not null,
  scheme        varchar(20)    not null,
  township      varchar(12)    not null,
  township_path varchar(200)   not null,
  fund          varchar(10)    not null check (fund in ('SCHEME', 'RESERVE')),
  grounds       varchar(200)   not null,
  amount        numeric(12, 2) not null check (amount > 0),
  recovered     numeric(12, 2) not null default 0 check (recovered >= 0),
  waived        numeric(12, 2) not null default 0 check (waived >= 0),
  opened_by     varchar(100)   not null,
  opened_at     timestamptz    not null,
  version       bigint         not null default 0,
  unique (source_kind, source_ref),
  check (recovered + waived <= amount)
);
create index relief_recovery_case_idx on relief_recovery (case_number);
create index relief_recovery_area_idx on relief_recovery (township_path varchar_pattern_ops);

create table relief_recovery_entry
(
  id           uuid primary key,
  recovery_id  uuid           not null references relief_recovery (id),
  kind         varchar(12)    not null check (kind in ('INSTALMENT', 'WAIVER')),
  amount       numeric(12, 2) not null check (amount > 0),
  reference    varchar(80),
  reason       varchar(500),
  status       varchar(10)    not null check (status in ('DONE', 'PROPOSED', 'REFUSED')),
  entered_by   varchar(100)   not null,
  entered_at   timestamptz    not null,
  decided_by   varchar(100),
  decided_at   timestamptz,
  unique (recovery_id, kind, reference)
);
