-- The language the applicant reads (every message to them uses it), what they said makes it urgent, and how many
-- other urgent requests came from the same phone in the day before (a flag for the township, not a refusal).
alter table intake_help_request
	add column language varchar(10) not null default 'CHINESE'
		constraint intake_help_request_language check (language in ('CHINESE', 'TIBETAN', 'ENGLISH')),
	add column urgent_needs varchar(100),
	add column urgent_repeats integer not null default 0;
