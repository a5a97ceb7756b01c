-- Reads of personal data and refused requests, counted per person, subject and time window: the first in each
-- window goes to the audit chain, the rest only raise the count here, so a scan cannot flood the trail.
create table audit_access_window
(
  actor        varchar(100) not null,
  kind         varchar(10)  not null check (kind in ('READ', 'DENIED')),
  subject      varchar(200) not null,
  window_start timestamptz  not null,
  occurrences  integer      not null check (occurrences > 0),
  constraint audit_access_window_pk primary key (actor, kind, subject, window_start)
);
create index audit_access_window_start_idx on audit_access_window (window_start);
