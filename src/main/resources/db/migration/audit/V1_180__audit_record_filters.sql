-- The audit page filters by action and by time, newest first.
create index audit_record_action_idx on audit_record (action, sequence);
create index audit_record_occurred_idx on audit_record (occurred_at);
