-- Annual budgets per scheme, for the county or a township it allocates one to, and what they carry: approvals commit,
-- payments spend what was committed, direct spending (medical assistance at the window, reserve top-ups) spends at
-- once, cancelled orders release, reversals and recoveries return. Left = amount - committed - spent.
create table budget
(
  id          uuid primary key,
  county      varchar(6)     not null,
  township    varchar(9),
  scheme      varchar(30)    not null check (scheme in ('TEMPORARY_ASSISTANCE', 'MEDICAL_ASSISTANCE', 'RESERVE_TOP_UP',
                                                        'PURCHASED_SERVICES')),
  period_from date           not null,
  period_to   date           not null,
  amount      numeric(14, 2) not null check (amount > 0),
  note        varchar(200),
  set_by      varchar(100)   not null,
  set_at      timestamptz    not null,
  check (period_to >= period_from),
  check (township is null or township like county || '%')
);
create index budget_scope_idx on budget (county, scheme, period_from);

create table budget_entry
(
  id        uuid primary key,
  budget_id uuid           not null references budget (id),
  kind      varchar(10)    not null check (kind in ('COMMITTED', 'PAID', 'SPENT', 'RELEASED', 'RETURNED')),
  amount    numeric(14, 2) not null check (amount > 0),
  reference varchar(80)    not null,
  at        timestamptz    not null
);
create index budget_entry_budget_idx on budget_entry (budget_id, at);
create index budget_entry_reference_idx on budget_entry (reference);

-- A county approver's decision to let one approval exceed what is left, with the reason.
create table budget_override
(
  reference varchar(80) primary key,
  budget_id uuid           not null references budget (id),
  amount    numeric(14, 2) not null,
  left_then numeric(14, 2) not null,
  reason    varchar(500)   not null,
  by_name   varchar(100)   not null,
  at        timestamptz    not null
);
