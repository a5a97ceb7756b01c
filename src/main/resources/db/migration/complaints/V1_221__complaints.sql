-- Complaints and fraud reports (投诉举报), answered under clocks by a unit other than the one complained about.
-- The complainant's name and phone are sealed (AES-GCM, purpose-bound) with a keyed hash of the phone for the
-- follow-up page and the duplicate check; the follow code given on the receipt is kept only as a keyed hash.
create table complaints_complaint
(
  id                   uuid primary key,
  number               varchar(20)   not null unique,
  kind                 varchar(30)   not null,
  channel              varchar(10)   not null check (channel in ('ONLINE', 'HOTLINE', 'WINDOW', 'LETTER', 'PARTNER')),
  status               varchar(12)   not null check (status in ('RECEIVED', 'ACKNOWLEDGED', 'ANSWERED', 'ESCALATED',
                                                                'CLOSED')),
  county_path          varchar(200)  not null,
  subject_unit_id      uuid,
  subject_unit_name    varchar(100),
  subject_kind         varchar(40),
  subject_path         varchar(200)  not null,
  subject_person       varchar(100),
  handler_unit_id      uuid          not null,
  handler_unit_name    varchar(100)  not null,
  handler_kind         varchar(40)   not null,
  level                int           not null default 1,
  earlier_handlers     uuid[]        not null default '{}',
  reference            varchar(40),
  text                 varchar(4000) not null,
  anonymous            boolean       not null,
  name_sealed          text,
  phone_sealed         text,
  phone_hash           varchar(64),
  phone_masked         varchar(20),
  name_masked          varchar(60),
  follow_code_hash     varchar(64)   not null,
  language             varchar(10)   not null,
  content_hash         varchar(64)   not null,
  received_by          varchar(100)  not null,
  received_at          timestamptz   not null,
  acknowledge_by       timestamptz   not null,
  answer_by            timestamptz   not null,
  acknowledged_at      timestamptz,
  acknowledged_by      varchar(100),
  extension_reason     varchar(500),
  repeats              int           not null default 0,
  version              bigint        not null
);
create index complaints_complaint_handler_idx on complaints_complaint (handler_unit_id, status);
create index complaints_complaint_content_idx on complaints_complaint (content_hash, received_at);
create index complaints_complaint_county_idx on complaints_complaint (county_path varchar_pattern_ops, received_at);

-- Each answer given: the first by the unit the complaint was routed to, a second when an unsatisfied complainant
-- escalated it to the level above. The complainant's verdict is kept with the answer it is about.
create table complaints_answer
(
  complaint_id   uuid          not null references complaints_complaint (id),
  level          int           not null,
  handler_unit_id uuid         not null,
  handler_unit_name varchar(100) not null,
  investigation  varchar(4000) not null,
  finding        varchar(10)   not null check (finding in ('FOUNDED', 'PARTLY', 'UNFOUNDED')),
  answer         varchar(2000) not null,
  answered_by    varchar(100)  not null,
  answered_at    timestamptz   not null,
  on_time        boolean       not null,
  satisfied      boolean,
  rated_at       timestamptz,
  primary key (complaint_id, level)
);

create sequence complaints_number_seq;
