-- A request merged into another of the same person, or forwarded to another county, keeps where it went.
alter table intake_help_request add column merged_into varchar(20);
alter table intake_help_request add column forwarded_to varchar(12);
alter table intake_help_request add column forwarding_note varchar(500);
