-- Appeals against decisions (Order 649 art. 65): an administrative review (行政复议) or lawsuit (行政诉讼) filed against
-- a case's decision, the body hearing it, its case reference, the date it must be decided by, and its outcome. A
-- decision changed or revoked sends the case back to decision, naming the ruling.
create table complaints_appeal
(
  id           uuid primary key,
  case_number  varchar(20)   not null,
  county_path  varchar(200)  not null,
  kind         varchar(10)   not null check (kind in ('REVIEW', 'LAWSUIT')),
  body         varchar(100)  not null,
  reference    varchar(60)   not null,
  filed_on     date          not null,
  decide_by    date          not null,
  outcome      varchar(10) check (outcome in ('UPHELD', 'CHANGED', 'REVOKED')),
  decided_on   date,
  summary      varchar(1000),
  recorded_by  varchar(100)  not null,
  recorded_at  timestamptz   not null,
  outcome_by   varchar(100),
  outcome_at   timestamptz,
  version      bigint        not null default 0,
  unique (kind, reference)
);
create index complaints_appeal_county_idx on complaints_appeal (county_path varchar_pattern_ops, decide_by);
