-- Part of an individual's pledge given to a published need. The pledge's remaining quantity goes down in the same
-- transaction with a conditional update, so nothing is promised twice.
create table charity_pledge_allocation
(
  id           uuid primary key,
  pledge_id    uuid           not null references charity_pledge (id),
  need_id      uuid           not null references charity_need (id),
  quantity     numeric(12, 2) not null check (quantity > 0),
  allocated_by varchar(100)   not null,
  allocated_at timestamptz    not null
);
create index charity_pledge_allocation_need_idx on charity_pledge_allocation (need_id);
