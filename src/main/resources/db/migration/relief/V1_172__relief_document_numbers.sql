-- Human document numbers: payment orders (支付指令 ZF-2026-000123) and emergency grant vouchers (先行救助凭证
-- XJ-2026-000045), numbered per year (the creation date's year in China). One counter row per kind and year is
-- raised in the creating transaction: two orders made at once wait on the row and get different numbers; a
-- rolled-back creation leaves no gap, and a gap would do no harm.
create table relief_document_counter
(
  kind  varchar(4) not null,
  year  int        not null,
  last  int        not null check (last > 0),
  primary key (kind, year)
);

alter table relief_payment_order add column number varchar(20) unique;
alter table relief_emergency_grant add column number varchar(20) unique;

-- Rows made before the numbers: numbered in the order they were made, per year.
update relief_payment_order o set number = n.number
  from (select id, 'ZF-' || to_char(created_at at time zone 'Asia/Shanghai', 'YYYY') || '-'
                 || lpad(row_number() over (partition by to_char(created_at at time zone 'Asia/Shanghai', 'YYYY')
                                            order by created_at, attempt, id)::text, 6, '0') as number
          from relief_payment_order) n
 where n.id = o.id;
update relief_emergency_grant g set number = n.number
  from (select id, 'XJ-' || to_char(granted_at at time zone 'Asia/Shanghai', 'YYYY') || '-'
                 || lpad(row_number() over (partition by to_char(granted_at at time zone 'Asia/Shanghai', 'YYYY')
                                            order by granted_at, id)::text, 6, '0') as number
          from relief_emergency_grant) n
 where n.id = g.id;
insert into relief_document_counter (kind, year, last)
select split_part(number, '-', 1), split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
  from (select number from relief_payment_order union all select number from relief_emergency_grant) numbered
 group by split_part(number, '-', 1), split_part(number, '-', 2);

alter table relief_payment_order alter column number set not null;
alter table relief_emergency_grant alter column number set not null;

-- The reserve ledger and the supervision step named a grant by its internal key; people read the voucher number.
update relief_reserve_entry e set reference = g.number
  from relief_emergency_grant g
 where e.kind = 'SPENDING' and e.reference = 'EA-' || g.id::text;
