-- Possible duplicates: a new request about the same person (registry person or the same phone) as an earlier one
-- within the configured window points at it, for the township to merge or keep apart.
alter table intake_help_request add column subject_phone_hash char(64);
alter table intake_help_request add column possible_duplicate_of varchar(20);
create index intake_help_request_person_idx on intake_help_request (person_id, received_at);
create index intake_help_request_subject_phone_idx on intake_help_request (subject_phone_hash, received_at);
