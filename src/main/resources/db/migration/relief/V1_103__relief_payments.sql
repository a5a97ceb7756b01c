-- Payments (社会化发放). Approved cash becomes a payment order in the approval's transaction. A decision has at most
-- one live order (pending, batched or paid); only a failed order may be followed by a re-issue — so a decision is
-- paid once, whatever clicks, approvers, crashes or repeated bank files do.
create table relief_payment_batch
(
  id           uuid primary key,
  number       varchar(24)    not null unique,
  scope_path   varchar(200)   not null,
  order_count  int            not null check (order_count > 0),
  total        numeric(14, 2) not null check (total > 0),
  file_sha256  char(64)       not null,
  file_hmac    char(64)       not null,
  created_by   varchar(100)   not null,
  created_at   timestamptz    not null
);

create table relief_payment_order
(
  id             uuid primary key,
  decision_id    uuid           not null references relief_decision (id),
  attempt        int            not null check (attempt >= 1),
  case_number    varchar(20)    not null,
  township_path  varchar(200)   not null,
  amount         numeric(12, 2) not null check (amount > 0),
  payee_name     varchar(50)    not null,
  payee_account  varchar(200)   not null,
  payee_account_masked varchar(40) not null,
  payee_bank     varchar(80)    not null,
  status         varchar(10)    not null check (status in ('PENDING', 'BATCHED', 'PAID', 'FAILED')),
  batch_id       uuid references relief_payment_batch (id),
  bank_reference varchar(60),
  failure_reason varchar(200),
  created_at     timestamptz    not null,
  settled_at     timestamptz,
  unique (decision_id, attempt),
  check ((status = 'PENDING') = (batch_id is null))
);
create unique index relief_payment_order_live_idx on relief_payment_order (decision_id) where status <> 'FAILED';
create index relief_payment_order_pending_idx on relief_payment_order (township_path varchar_pattern_ops)
  where status = 'PENDING';
create index relief_payment_order_batch_idx on relief_payment_order (batch_id);

-- Bank result files, once each per batch: importing the same file again changes nothing.
create table relief_bank_result
(
  id          uuid primary key,
  batch_id    uuid         not null references relief_payment_batch (id),
  file_sha256 char(64)     not null,
  paid        int          not null,
  failed      int          not null,
  unchanged   int          not null,
  imported_by varchar(100) not null,
  imported_at timestamptz  not null,
  unique (batch_id, file_sha256)
);

-- Township goods (救灾物资) with a stock that never goes below zero, and each decision's goods handed out once.
create table relief_goods_stock
(
  township      varchar(12)  not null,
  township_path varchar(200) not null,
  item          varchar(40)  not null,
  unit          varchar(10)  not null,
  quantity      int          not null check (quantity >= 0),
  primary key (township, item)
);
create table relief_goods_entry
(
  id         uuid primary key,
  township   varchar(12)  not null,
  item       varchar(40)  not null,
  kind       varchar(10)  not null check (kind in ('RECEIPT', 'HANDOUT')),
  quantity   int          not null check (quantity > 0),
  reference  varchar(80)  not null,
  entered_by varchar(100) not null,
  entered_at timestamptz  not null,
  unique (kind, reference, item)
);
create index relief_goods_entry_idx on relief_goods_entry (township, entered_at);
