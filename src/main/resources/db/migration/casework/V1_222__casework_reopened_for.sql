-- A decided or closed case sent back to decision (重新审核) keeps what sent it back: a founded complaint or a ruling
-- that changed or revoked its decision. The corrected decision links to it.
alter table casework_case add column reopened_for varchar(200);
