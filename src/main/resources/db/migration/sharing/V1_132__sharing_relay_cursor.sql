-- Where the relay of roster changes to Kafka has got to: one row per relayed feed, locked while a node relays, so
-- several application nodes never relay the same changes twice.
create table sharing_relay_cursor (
    name        varchar(40) primary key,
    cursor      text        not null,
    updated_at  timestamptz not null
);
