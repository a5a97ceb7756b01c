-- A unit's office phone (办公电话): what an applicant is told to call once a township accepts their request. An
-- office number is public, so it is kept as typed (normalised), not sealed.
alter table identity_unit add column office_phone varchar(20);
