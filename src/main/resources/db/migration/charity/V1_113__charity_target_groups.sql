-- The groups a project serves (低保, 特困, children … as the registry's category codes; none: everyone) and the
-- groups a need's family belongs to, taken from the registry when the need is published.
alter table charity_project add column target_groups varchar(40)[] not null default '{}';
alter table charity_need add column groups varchar(40)[] not null default '{}';
