-- The township that referred a task reads the receiving unit's result before it carries on with the case: until then
-- the completed task waits on the referrer's home page.
alter table casework_task add column result_noted_by varchar(100);
alter table casework_task add column result_noted_at timestamptz;
-- Tasks completed before results were noted are taken as read.
update casework_task set result_noted_by = referred_by, result_noted_at = completed_at where status = 'COMPLETED';
create index casework_task_referrer on casework_task (referred_by, status);
