-- A help request's decision goes to the township's decider who owes the fewest open decisions, counted for every
-- request received. Without an index on who is responsible that count read the whole step table (closed steps
-- included), which grows for ever: 3-4 ms of the database's CPU per request with ten thousand steps. Only open
-- request decisions are indexed, so that escalations and closings of other steps write no entry in it.
create index supervision_step_open_decision_idx on supervision_step (responsible)
  where status = 'OPEN' and kind = 'REQUEST_DECISION';
