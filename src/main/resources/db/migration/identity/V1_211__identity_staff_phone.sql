-- A staff member's own mobile number, for text messages meant for them (what became of a report they made). Entered
-- by its owner on the profile page; sealed like every phone number, the masked form for display.
create table identity_staff_phone
(
  account_id   uuid primary key references identity_account (id) on delete cascade,
  phone_sealed varchar(300) not null,
  phone_masked varchar(20)  not null,
  changed_at   timestamptz  not null
);
