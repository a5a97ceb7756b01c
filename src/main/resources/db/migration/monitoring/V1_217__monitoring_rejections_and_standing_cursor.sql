-- Signals that came over the Kafka topic and were refused: a topic has nobody to answer, so the department reads its
-- refusals (with the same stable codes as the API's problems) through the API. One row per message, however often
-- it is delivered. No ID number, no department's words: only the reference the department gave.
create table monitoring_signal_rejection (
  topic         varchar(200)  not null,
  partition_no  integer       not null,
  record_offset bigint        not null,
  source_unit   uuid,
  reference     varchar(100),
  code          varchar(80)   not null,
  arguments     text[]        not null default '{}',
  rejected_at   timestamptz   not null,
  primary key (topic, partition_no, record_offset)
);
create index monitoring_signal_rejection_source_idx on monitoring_signal_rejection (source_unit, rejected_at desc);

-- Where monitoring has read the category rosters' change log up to: an ended standing becomes a signal once.
create table monitoring_roster_cursor (
  name        varchar(40)   primary key,
  cursor      text          not null,
  updated_at  timestamptz   not null
);
