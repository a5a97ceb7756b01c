-- Data-sharing agreements (信息共享协议): for each partner department, the categories of the rosters it may follow
-- and the fields it may receive beyond the standing itself.
create table sharing_agreement
(
  unit_id    uuid primary key,
  unit_name  varchar(100)  not null,
  categories varchar(40)[] not null,
  fields     varchar(20)[] not null,
  updated_by varchar(100)  not null,
  updated_at timestamptz   not null
);
