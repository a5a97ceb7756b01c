-- Every call a partner system makes with its access token: who, what, when, with which outcome (issue: partner
-- access is audited per call). Paths are stored without their query string, so no cursor or search term lands here.
create table identity_partner_call (
    id          bigint generated always as identity primary key,
    client_id   text        not null,
    method      text        not null,
    path        text        not null check (length(path) <= 300),
    status      integer     not null,
    millis      integer     not null,
    called_at   timestamptz not null
);

create index identity_partner_call_by_client on identity_partner_call (client_id, called_at desc);
