-- Hardship causes: a configurable taxonomy (art. 47 of the Interim Measures; 急难型 and 支出型 in later practice).
create table intake_cause
(
  code    varchar(40) primary key,
  name_zh varchar(40) not null,
  name_en varchar(80) not null,
  kind    varchar(10) not null check (kind in ('SUDDEN', 'SPENDING', 'OTHER')),
  active  boolean not null default true
);
insert into intake_cause (code, name_zh, name_en, kind) values
  ('FIRE', '火灾', 'Fire', 'SUDDEN'),
  ('TRAFFIC_ACCIDENT', '交通事故', 'Traffic accident', 'SUDDEN'),
  ('ACCIDENTAL_INJURY', '意外伤害', 'Accidental injury', 'SUDDEN'),
  ('SUDDEN_SERIOUS_ILLNESS', '突发重大疾病', 'Sudden serious illness', 'SUDDEN'),
  ('NATURAL_DISASTER', '自然灾害', 'Natural disaster', 'SUDDEN'),
  ('DOMESTIC_VIOLENCE', '家庭暴力', 'Domestic violence', 'SUDDEN'),
  ('MEDICAL_SPENDING', '医疗支出过大', 'Medical spending beyond means', 'SPENDING'),
  ('SCHOOLING_SPENDING', '教育支出过大', 'Schooling spending beyond means', 'SPENDING'),
  ('OTHER', '其他特殊困难', 'Other special hardship', 'OTHER');

create sequence intake_request_number_seq;

-- Help requests. Phone numbers are sealed (AES-GCM) with a masked copy for display.
create table intake_help_request
(
  id                    uuid primary key,
  number                varchar(20) not null unique,
  channel               varchar(15) not null,
  urgency               varchar(10) not null,
  status                varchar(10) not null,
  reporter_name         varchar(50),
  reporter_relation     varchar(20) not null,
  reporter_phone_sealed text,
  reporter_phone_masked varchar(20),
  person_id             uuid,
  subject_name          varchar(50),
  subject_phone_sealed  text,
  village               varchar(12) not null,
  township              varchar(12) not null,
  township_path         varchar(200) not null,
  description           varchar(2000) not null,
  owner                 varchar(100) not null,
  owner_organisation    varchar(100) not null,
  received_at           timestamptz not null,
  accept_by             timestamptz not null,
  decided_at            timestamptz,
  decided_by            varchar(100),
  refusal_reason        varchar(1000),
  version               bigint not null default 0,
  check (person_id is not null or subject_name is not null),
  check (status <> 'REFUSED' or refusal_reason is not null)
);
create index intake_help_request_queue_idx on intake_help_request (township_path text_pattern_ops, accept_by)
  where status = 'RECEIVED';
create index intake_help_request_owner_idx on intake_help_request (owner) where status = 'RECEIVED';

create table intake_help_request_cause
(
  request_id uuid not null references intake_help_request (id) on delete cascade,
  cause_code varchar(40) not null references intake_cause (code),
  primary key (request_id, cause_code)
);

-- Idempotency keys of submissions (S6): one request per caller and key, and the body it was made with.
create table intake_idempotency
(
  caller          varchar(100) not null,
  idempotency_key varchar(100) not null,
  body_sha256     char(64) not null,
  request_number  varchar(20),
  created_at      timestamptz not null,
  primary key (caller, idempotency_key)
);
