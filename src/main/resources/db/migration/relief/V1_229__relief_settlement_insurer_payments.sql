-- The hospital window settles on what the insurers really paid (their settlement references kept); medical assistance
-- pays its share of what they left. Settlements made before were computed from the county's parameters.
alter table relief_settlement
  add column other            numeric(12, 2) not null default 0 check (other >= 0),
  add column basic_reference    varchar(40),
  add column critical_reference varchar(40),
  add column other_reference    varchar(40),
  add column basis            varchar(12)    not null default 'PARAMETERS' check (basis in ('PARAMETERS', 'INSURERS'));
alter table relief_settlement alter column basis drop default;

do $$
declare
  parts_add_up text;
begin
  select conname into parts_add_up from pg_constraint
   where conrelid = 'relief_settlement'::regclass and contype = 'c'
     and pg_get_constraintdef(oid) like '%basic + critical%';
  execute format('alter table relief_settlement drop constraint %I', parts_add_up);
end $$;
alter table relief_settlement add constraint relief_settlement_parts_add_up
  check (basic + critical + other + assistance + patient = in_policy + out_of_policy);
