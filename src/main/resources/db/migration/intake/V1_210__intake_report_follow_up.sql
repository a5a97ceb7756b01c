-- Those who report follow through (我报告的): a reporter's own requests, newest first, and what each last showed
-- them, so that the home page can say which have news since.
create index intake_help_request_owner_received_idx on intake_help_request (owner, received_at desc);

create table intake_report_seen
(
  request_id uuid primary key references intake_help_request (id),
  outcome    varchar(80) not null,
  settled    boolean     not null,
  seen_at    timestamptz not null
);
