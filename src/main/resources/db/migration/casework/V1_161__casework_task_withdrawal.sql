-- A case that ends settles its open tasks: each is withdrawn with the reason the receiving unit reads.
alter table casework_task drop constraint casework_task_status_check;
alter table casework_task add constraint casework_task_status_check
  check (status in ('REFERRED', 'ACCEPTED', 'RETURNED', 'COMPLETED', 'WITHDRAWN'));
alter table casework_task add column withdrawn_by varchar(100);
alter table casework_task add column withdrawn_at timestamptz;
alter table casework_task add column withdrawal_reason varchar(1000);
