-- A warning whose only signals were withdrawn (a settled bill reversed) is withdrawn too; a warning may have nobody to
-- own it when its county has no staff yet (the township answers for it); and a check that finds need records whether
-- the household was found by data before anyone asked for help for them.
alter table monitoring_warning alter column owner drop not null;
alter table monitoring_warning add column withdrawn_at timestamptz;
alter table monitoring_warning add column found_first boolean;
