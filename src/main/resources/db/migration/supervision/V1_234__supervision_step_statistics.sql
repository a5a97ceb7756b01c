-- Steps open, escalate and close all day: on a county's table of a million steps the default thresholds let the
-- planner's statistics fall far behind (after a burst they said the table was empty). Vacuum and analyse it after a
-- fiftieth and a hundredth of its rows changed instead of a fifth and a tenth. The sweep does not depend on them any
-- more (it updates each claimed step by its primary key), but every other query of the table does.
alter table supervision_step set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);
