-- Temporary-assistance decisions (临时救助审批): a proposal on a case with its computed amount and explanation,
-- reviewed and approved at the township or the county by amount (经办 → 审核 → 审批), or refused with a reason.
-- The version column makes two approvers acting at once produce one outcome.
create table relief_decision
(
  id               uuid primary key,
  case_number      varchar(20)    not null,
  household_id     uuid,
  person_id        uuid,
  subject_name     varchar(50),
  township         varchar(12)    not null,
  township_path    varchar(200)   not null,
  policy_id        uuid           not null references relief_policy (id),
  cause            varchar(40)    not null,
  band             varchar(20)    not null,
  persons          int            not null check (persons between 1 and 30),
  urban            boolean        not null,
  standard         numeric(12, 2) not null,
  multiple         numeric(6, 2)  not null,
  months           int            not null,
  band_ratio       numeric(5, 4)  not null,
  formula_amount   numeric(12, 2) not null,
  cap_applied      varchar(10),
  computed_amount  numeric(12, 2) not null check (computed_amount >= 0),
  cash_amount      numeric(12, 2) not null check (cash_amount >= 0),
  goods            varchar(500),
  goods_value      numeric(12, 2) not null default 0 check (goods_value >= 0),
  referral         varchar(500),
  bill_ref         varchar(80),
  override_reason  varchar(1000),
  level            varchar(10)    not null check (level in ('TOWNSHIP', 'COUNTY')),
  payee_name       varchar(50),
  payee_account    varchar(200),
  payee_account_masked varchar(40),
  payee_bank       varchar(80),
  status           varchar(12)    not null check (status in ('PROPOSED', 'REVIEWED', 'APPROVED', 'REFUSED', 'WITHDRAWN')),
  proposed_by      varchar(100)   not null,
  proposed_at      timestamptz    not null,
  reviewed_by      varchar(100),
  reviewed_at      timestamptz,
  decided_by       varchar(100),
  decided_at       timestamptz,
  reason           varchar(1000),
  version          bigint         not null,
  check (reviewed_by is null or reviewed_by <> proposed_by),
  check (decided_by is null or decided_by <> proposed_by),
  check (override_reason is not null or cash_amount <= computed_amount)
);
create index relief_decision_case_idx on relief_decision (case_number);
create index relief_decision_area_idx on relief_decision (township_path varchar_pattern_ops, status);
-- One live proposal per case at a time.
create unique index relief_decision_live_idx on relief_decision (case_number) where status in ('PROPOSED', 'REVIEWED');

-- Everything a household received (一户一条救助链), from every scheme; each source is recorded once.
create table relief_assistance
(
  id            uuid primary key,
  household_id  uuid,
  person_id     uuid,
  subject_name  varchar(50),
  township_path varchar(200)   not null,
  scheme        varchar(20)    not null,
  cause         varchar(40),
  source_ref    varchar(80)    not null,
  bill_ref      varchar(80),
  case_number   varchar(20),
  amount        numeric(12, 2) not null check (amount >= 0),
  goods         varchar(500),
  granted_by    varchar(100)   not null,
  organisation  varchar(100)   not null,
  granted_at    timestamptz    not null,
  reversed_at   timestamptz,
  unique (scheme, source_ref)
);
create index relief_assistance_household_idx on relief_assistance (household_id, granted_at);
create index relief_assistance_person_idx on relief_assistance (person_id, granted_at);
create index relief_assistance_bill_idx on relief_assistance (bill_ref) where bill_ref is not null;

-- The township reserve fund (乡镇备用金): a ledger with a running balance that never goes below zero. Each entry
-- carries the balance after it; the row lock on the fund orders entries.
create table relief_reserve
(
  township      varchar(12) primary key,
  township_path varchar(200)   not null,
  balance       numeric(14, 2) not null check (balance >= 0),
  version       bigint         not null default 0
);
create table relief_reserve_entry
(
  id            uuid primary key,
  township      varchar(12)    not null references relief_reserve (township),
  kind          varchar(10)    not null check (kind in ('TOP_UP', 'SPENDING')),
  amount        numeric(14, 2) not null check (amount > 0),
  balance_after numeric(14, 2) not null check (balance_after >= 0),
  reference     varchar(80)    not null,
  note          varchar(500),
  entered_by    varchar(100)   not null,
  entered_at    timestamptz    not null,
  unique (kind, reference)
);
create index relief_reserve_entry_idx on relief_reserve_entry (township, entered_at);

-- Emergency aid granted first (先行救助), paid from the reserve at once; the paperwork follows by its deadline.
create table relief_emergency_grant
(
  id                uuid primary key,
  case_number       varchar(20)    not null,
  household_id      uuid,
  person_id         uuid,
  subject_name      varchar(50),
  township          varchar(12)    not null,
  township_path     varchar(200)   not null,
  policy_id         uuid           not null references relief_policy (id),
  cause             varchar(40)    not null,
  amount            numeric(12, 2) not null check (amount > 0),
  goods             varchar(500),
  situation         varchar(1000)  not null,
  granted_by        varchar(100)   not null,
  granted_at        timestamptz    not null,
  paperwork_due     timestamptz    not null,
  paperwork_done_by varchar(100),
  paperwork_done_at timestamptz,
  paperwork_note    varchar(1000),
  version           bigint         not null
);
-- One emergency grant per case: a second click, or a colleague granting at the same moment, spends nothing more.
create unique index relief_emergency_grant_case_idx on relief_emergency_grant (case_number);
create index relief_emergency_grant_due_idx on relief_emergency_grant (paperwork_due) where paperwork_done_at is null;
create index relief_emergency_grant_area_idx on relief_emergency_grant (township_path varchar_pattern_ops);
