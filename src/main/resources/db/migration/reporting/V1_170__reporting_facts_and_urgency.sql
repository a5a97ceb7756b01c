-- The dashboards' roll-ups become rebuildable from the facts they came from, record urgency, and count times to aid
-- in minutes.
--
-- 1. Urgency: recorded on each request and case from now on; requests and cases recorded before have none and count
--    as NOT_RECORDED (未记录), a dimension of the reporting_cases roll-up.
-- 2. Facts: one row per task event (referred to, completed by, returned by a unit) and per aid or service counted,
--    written in the same transaction as the counters. The counters kept so far are turned into synthetic facts
--    (backfilled = true) that add up to exactly the same counts and amounts: one fact per count, the month's whole
--    amount on the first, the first on_time completions on time.
-- 3. Time to aid is counted in 21 buckets of minutes (≤ 5, 15, 30 minutes, 1, 2, 4, 8, 12 hours, 1, 2, 3, 5, 7, 10,
--    15, 20, 30, 45, 60, 90 days, more) instead of 18 of hours. The bucket bounds live in one place, the code
--    (TimeToAid): this migration only adds the columns and records that the roll-ups are of layout 1. At start-up,
--    RollupRebuild sees layout 1 is older than the code's and rebuilds every roll-up once, in one transaction under
--    the roll-ups' lock, before the platform serves any request: each case's bucket from its stored first contact and
--    first aid, reporting_cases from reporting_request and reporting_case, reporting_units and reporting_activity from
--    the facts. Until then b00–b17 hold the old hours' buckets and nothing reads them.

alter table reporting_request add column urgency varchar(20);
alter table reporting_case add column urgency varchar(20);

alter table reporting_cases
    add column urgency varchar(20) not null default 'NOT_RECORDED',
    add column b18     integer not null default 0,
    add column b19     integer not null default 0,
    add column b20     integer not null default 0;
alter table reporting_cases drop constraint reporting_cases_pkey;
alter table reporting_cases add primary key (month, township, channel, cause, urgency);

-- A task referred to a unit (once per task and unit), completed by it (on time or not) or returned by it (once per
-- return of the task). id gives the order they were counted in: a unit's latest name is its latest fact's.
create table reporting_task_fact (
    id         bigint generated always as identity unique,
    task_id    uuid         not null,
    unit_id    uuid         not null,
    kind       varchar(10)  not null check (kind in ('referred', 'completed', 'returns')),
    sequence   integer      not null,
    at         timestamptz  not null,
    month      date         not null,
    township   varchar(9)   not null,
    unit_name  varchar(200) not null,
    on_time    smallint     not null default 0 check (on_time in (0, 1)),
    backfilled boolean      not null default false,
    primary key (task_id, unit_id, kind, sequence)
);

-- Aid under a scheme or a service delivered, by the key it was counted under (reporting_seen).
create table reporting_activity_fact (
    key        varchar(200)   primary key,
    at         timestamptz    not null,
    month      date           not null,
    township   varchar(9)     not null,
    kind       varchar(40)    not null,
    amount     numeric(16, 2) not null,
    backfilled boolean        not null default false
);

-- The layout of the roll-ups and when they were last rebuilt; the code rebuilds them when its layout is newer.
create table reporting_rollup_version (
    id         smallint primary key default 1 check (id = 1),
    version    integer not null,
    rebuilt_at timestamptz
);
insert into reporting_rollup_version (id, version) values (1, 1);

-- Synthetic facts for the counters kept so far.
insert into reporting_task_fact (task_id, unit_id, kind, sequence, at, month, township, unit_name, on_time, backfilled)
select gen_random_uuid(), u.unit_id, k.kind, 0, u.month::timestamp at time zone 'Asia/Shanghai', u.month, u.township,
       u.unit_name, case when k.kind = 'completed' and g <= u.on_time then 1 else 0 end, true
  from reporting_units u
 cross join lateral (values ('referred', u.referred), ('completed', u.completed), ('returns', u.returns)) k (kind, n)
 cross join lateral generate_series(1, k.n) g
 order by u.month, u.township, u.unit_id, k.kind, g;

insert into reporting_activity_fact (key, at, month, township, kind, amount, backfilled)
select 'backfill:' || to_char(a.month, 'YYYY-MM') || ':' || a.township || ':' || a.kind || ':' || g,
       a.month::timestamp at time zone 'Asia/Shanghai', a.month, a.township, a.kind,
       case when g = 1 then a.amount else 0 end, true
  from reporting_activity a
 cross join lateral generate_series(1, a.count) g;
