-- Each master key rotation: when the new key began sealing and who asked, when every older value was sealed again
-- with it (and how many could not be opened), and when the older keys were retired. The keys themselves never enter
-- the database.
create table backup_key_rotation
(
  key_number  int primary key check (key_number > 1),
  rotated_at  timestamptz not null,
  rotated_by  varchar(100) not null,
  resealed_at timestamptz,
  resealed    bigint,
  unreadable  bigint,
  retired_at  timestamptz,
  retired_by  varchar(100)
);
