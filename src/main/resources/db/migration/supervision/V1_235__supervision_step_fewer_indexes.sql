-- Each escalation by the deadline sweep rewrites the step's row, and as the next action is indexed the update cannot
-- be HOT: it writes an entry into every index of the table whose condition the row meets. No query looks steps up
-- by unit (the board groups a scope's steps, found by area), and the subject's open steps are found as well through
-- the unique key once the subject leads it: two indexes fewer. Steps of no case (request decisions, call-backs,
-- warning checks, complaints) no longer have an entry in the case index; a case's steps, open or not, do — the
-- county bureau of a case is looked up among all its steps, which without it read the whole table.
drop index supervision_step_unit_idx;
alter table supervision_step drop constraint supervision_step_kind_subject_ref_started_at_key;
alter table supervision_step add constraint supervision_step_subject_kind_started_key
  unique (subject_ref, kind, started_at);
drop index supervision_step_subject_idx;
drop index supervision_step_case_idx;
create index supervision_step_case_idx on supervision_step (case_number) where case_number is not null;
