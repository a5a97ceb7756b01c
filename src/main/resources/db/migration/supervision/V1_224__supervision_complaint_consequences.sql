-- A founded complaint may hold a unit and a person responsible without a step having gone wrong: the record names
-- the complaint instead, and misconduct and wrong decisions join the failures a record may name.
alter table supervision_accountability drop constraint supervision_accountability_failure_check;
alter table supervision_accountability add constraint supervision_accountability_failure_check
  check (failure in ('NOT_ACCEPTED', 'WRONGLY_REFUSED', 'BUCK_PASSING', 'LATE', 'DATA_LEAKED', 'RECORD_ALTERED',
                     'WRONG_DECISION', 'MISCONDUCT'));
alter table supervision_accountability add column complaint_number varchar(20);
alter table supervision_order add column complaint_number varchar(20);
