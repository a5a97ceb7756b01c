-- Where each reader inside the platform has read the rosters' change log up to (the relay to Kafka, early warning):
-- kept by the module whose log it is, locked while a node reads, so that several nodes never hand the same change to a
-- reader twice. Each reader's module hands over the cursor it kept before in a migration of its own.
create table people_roster_reader (
  name        varchar(60)   primary key,
  cursor      text          not null,
  updated_at  timestamptz   not null
);
