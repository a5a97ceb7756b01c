-- A household's assistance chain keeps cash and goods apart: amount is the cash only, goods_value what the goods
-- were valued at. Approved decisions recorded cash plus the goods' value as one amount; they are split again here.
alter table relief_assistance add column goods_value numeric(12, 2) not null default 0 check (goods_value >= 0);
update relief_assistance a set amount = d.cash_amount, goods_value = d.goods_value
  from relief_decision d
 where a.scheme = 'TEMPORARY' and a.source_ref = d.id::text and d.goods_value > 0;
