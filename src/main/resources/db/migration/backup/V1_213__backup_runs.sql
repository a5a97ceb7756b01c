-- Each backup the platform took on its schedule or at an administrator's request, whether it succeeded or failed,
-- so that a failed or missed backup is noticed (on the administrators' workbench and in the health endpoint) and
-- survives a restart.
create table backup_run
(
  id          uuid primary key,
  started_at  timestamptz not null,
  finished_at timestamptz not null,
  succeeded   boolean not null,
  folder      varchar(200),
  bytes       bigint,
  row_count   bigint,
  reason      varchar(1000),
  started_by  varchar(100) not null
);
create index backup_run_by_time on backup_run (finished_at desc);
