-- A request flagged as a possible duplicate is accepted only once the township has decided: merged into the other
-- request, or kept apart with the reason why it is not the same emergency.
alter table intake_help_request add column duplicate_cleared_by varchar(100);
alter table intake_help_request add column duplicate_cleared_at timestamptz;
alter table intake_help_request add column duplicate_clearance_note varchar(500);
