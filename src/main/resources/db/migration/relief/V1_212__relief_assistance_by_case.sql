-- Whether a case received aid is asked for every report a reporter follows: find the chain's records by case.
create index relief_assistance_case_idx on relief_assistance (case_number) where case_number is not null;
