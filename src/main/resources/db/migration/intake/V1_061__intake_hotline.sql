-- Hotline calls: whether the caller wants a call back, and a keyed hash of the reporter's phone so that the console
-- can show earlier calls from the same number without decrypting anything.
alter table intake_help_request add column callback_wanted boolean not null default false;
alter table intake_help_request add column reporter_phone_hash char(64);
create index intake_help_request_reporter_phone_idx on intake_help_request (reporter_phone_hash);
