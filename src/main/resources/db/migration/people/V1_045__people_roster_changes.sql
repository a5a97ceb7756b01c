-- Every change to a category standing (低保, 特困 …), in the order of the transactions that made it, for the roster
-- feeds partner departments follow with a cursor. The trigger records changes however they are made (one standing,
-- a roster import's batch). Each row carries its transaction's id: a reader delivers only changes of transactions
-- older than every transaction still running, so a change committed late can never fall behind a cursor.
create table people_roster_change
(
  id            bigint generated always as identity primary key,
  xact          xid8        not null default pg_current_xact_id(),
  membership_id uuid        not null,
  category_code varchar(40) not null,
  person_id     uuid,
  household_id  uuid,
  valid_from    date        not null,
  valid_to      date,
  change        varchar(8)  not null check (change in ('INSERT', 'UPDATE', 'DELETE'))
);
create index people_roster_change_order_idx on people_roster_change (xact, id);

create function people_record_roster_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into people_roster_change (membership_id, category_code, person_id, household_id, valid_from, valid_to, change)
    values (old.id, old.category_code, old.person_id, old.household_id, old.valid_from, old.valid_to, 'DELETE');
    return old;
  end if;
  insert into people_roster_change (membership_id, category_code, person_id, household_id, valid_from, valid_to, change)
  values (new.id, new.category_code, new.person_id, new.household_id, new.valid_from, new.valid_to, tg_op);
  return new;
end
$$;

create trigger people_category_membership_changes
  after insert or update or delete on people_category_membership
  for each row execute function people_record_roster_change();

revoke update, delete, truncate on people_roster_change from ${app_role};
