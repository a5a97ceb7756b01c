-- Photos of a household visit, kept as files outside the rows (like request attachments), served only to staff who
-- may see the case.
create table casework_visit_photo
(
  id           uuid primary key,
  visit_id     uuid         not null references casework_visit (id),
  file_name    varchar(200) not null,
  content_type varchar(40)  not null,
  size_bytes   bigint       not null,
  sha256       char(64)     not null,
  uploaded_by  varchar(100) not null,
  uploaded_at  timestamptz  not null
);
create index casework_visit_photo_visit_idx on casework_visit_photo (visit_id);
