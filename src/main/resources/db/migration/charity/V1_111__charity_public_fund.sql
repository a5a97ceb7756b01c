-- The 救急难 public fund run under civil-affairs coordination: a ledger of income and grants whose balance never
-- goes below zero (one conditional update of the single fund row), published on a transparency page. Grants name the
-- family by surname + 某 and township only.
create table charity_fund
(
  id      int primary key check (id = 1),
  balance numeric(14, 2) not null check (balance >= 0)
);
insert into charity_fund (id, balance) values (1, 0);

create table charity_fund_entry
(
  id            uuid primary key,
  kind          varchar(6)     not null check (kind in ('INCOME', 'GRANT')),
  amount        numeric(14, 2) not null check (amount > 0),
  balance_after numeric(14, 2) not null check (balance_after >= 0),
  counterparty  varchar(100)   not null,
  purpose       varchar(300)   not null,
  reference     varchar(80)    not null,
  case_number   varchar(20),
  entered_by    varchar(100)   not null,
  entered_at    timestamptz    not null,
  unique (kind, reference)
);
create index charity_fund_entry_idx on charity_fund_entry (entered_at desc);
