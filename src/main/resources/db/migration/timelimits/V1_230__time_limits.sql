-- Each county's time limits (办理时限) and each township's own, with the day they apply from. A new step takes the
-- limit in force for its township when it starts; steps already running keep their deadlines. County rows carry the
-- bounds within which its townships set their own.
create table timelimits_limit
(
  id           uuid primary key,
  county       varchar(6)   not null,
  township     varchar(9),
  kind         varchar(30)  not null,
  amount       int          not null check (amount > 0),
  unit         varchar(12)  not null check (unit in ('WORKING_DAYS', 'HOURS')),
  lowest       int,
  highest      int,
  applies_from date         not null,
  set_by       varchar(100) not null,
  set_at       timestamptz  not null,
  check (township is null or township like county || '%'),
  check ((township is null) = (lowest is not null and highest is not null)),
  check (lowest is null or (lowest > 0 and lowest <= amount and amount <= highest))
);
create unique index timelimits_limit_day_idx on timelimits_limit (county, coalesce(township, ''), kind, applies_from);
create index timelimits_limit_lookup_idx on timelimits_limit (county, kind, applies_from);
