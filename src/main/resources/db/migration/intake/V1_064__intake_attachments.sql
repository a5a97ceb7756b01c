-- Photos and documents of a request: the files live in the attachment folder (outside the database rows); the
-- database keeps what they are and whose they are.
create table intake_attachment
(
  id           uuid primary key,
  request_id   uuid not null references intake_help_request (id),
  file_name    varchar(200) not null,
  content_type varchar(60) not null,
  size_bytes   bigint not null check (size_bytes > 0),
  sha256       char(64) not null,
  uploaded_by  varchar(100) not null,
  uploaded_at  timestamptz not null
);
create index intake_attachment_request_idx on intake_attachment (request_id);
