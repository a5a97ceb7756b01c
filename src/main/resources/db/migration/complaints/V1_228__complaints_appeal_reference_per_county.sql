-- A review body's references are its own: two counties' governments may both number a case 共政复〔2026〕1号, so a
-- reference is unique within a county, not across the deployment.
alter table complaints_appeal drop constraint complaints_appeal_kind_reference_key;
alter table complaints_appeal add constraint complaints_appeal_reference_key unique (county_path, kind, reference);
