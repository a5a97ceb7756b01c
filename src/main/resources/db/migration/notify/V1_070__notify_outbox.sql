-- Messages to applicants and staff. A message is written in the same transaction as the event handling that
-- causes it (the event itself comes through Spring Modulith's publication registry), then sent by a scheduled
-- dispatcher with retries; nothing is lost when the platform stops.
create table notify_message
(
  id               uuid primary key,
  source_key       varchar(120) not null unique,
  recipient_sealed text,
  recipient_masked varchar(40) not null,
  channel          varchar(10) not null check (channel in ('SMS', 'INBOX')),
  body             varchar(1000) not null,
  status           varchar(10) not null check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts         int not null default 0,
  next_attempt_at  timestamptz not null,
  last_error       varchar(300),
  created_at       timestamptz not null,
  sent_at          timestamptz
);
create index notify_message_due_idx on notify_message (next_attempt_at) where status = 'PENDING';
