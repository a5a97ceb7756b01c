-- One audit chain per county instead of one for the whole deployment: every audited write locked the single chain
-- head until commit, so all writes of all counties together waited on one row. A record now belongs to the chain of
-- the county its actor works in ('platform' for the system, the public and units above county level: the old chain,
-- which goes on). Its place in that chain (chain_sequence) is what the HMAC covers and links; the global sequence only
-- orders the trail for reading, from a database sequence that needs no lock. Each county's head is anchored from
-- time to time in the platform chain (action 'audit.chain-anchored'), so that deleting a county's tail and rolling
-- its head back is still detected.
alter table audit_record disable trigger audit_record_append_only;
alter table audit_record add column chain varchar(12) not null default 'platform';
alter table audit_record add column chain_sequence bigint;
update audit_record set chain_sequence = sequence;
alter table audit_record alter column chain_sequence set not null;
alter table audit_record alter column chain drop default;
alter table audit_record add constraint audit_record_chain_position check (chain_sequence > 0);
alter table audit_record enable trigger audit_record_append_only;
create unique index audit_record_chain_idx on audit_record (chain, chain_sequence);

create sequence audit_record_sequence;
select setval('audit_record_sequence', coalesce((select max(sequence) from audit_record), 0) + 1, false);

create table audit_chain
(
  chain             varchar(12) primary key,
  sequence          bigint      not null check (sequence >= 0),
  mac               char(64)    not null,
  head_mac          varchar(64) not null,
  -- how far the platform chain has anchored this chain (a shortcut for the anchoring job, not evidence)
  anchored_sequence bigint      not null default 0
);
insert into audit_chain (chain, sequence, mac, head_mac, anchored_sequence)
select 'platform', sequence, mac, head_mac, sequence from audit_chain_head;
revoke delete, truncate on audit_chain from ${app_role};
create trigger audit_chain_no_delete before delete on audit_chain
  for each row execute function audit_record_is_append_only();
create trigger audit_chain_no_truncate before truncate on audit_chain
  for each statement execute function audit_record_is_append_only();

drop table audit_chain_head;
