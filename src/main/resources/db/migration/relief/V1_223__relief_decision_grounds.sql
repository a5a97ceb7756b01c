-- A decision proposed on a case sent back to decision names what sent it back (a founded complaint, a ruling): the
-- corrected decision links to its grounds.
alter table relief_decision add column grounds varchar(200);
