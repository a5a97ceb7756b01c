-- What each applicant was told, milestone by milestone; the public follow-up page shows the same steps as the text
-- messages. One row per milestone and source (a grant, a decision, a payment order), however often its event comes.
create table notify_applicant_milestone
(
  request_number varchar(20)   not null,
  kind           varchar(20)   not null check (kind in ('RECEIVED', 'ACCEPTED', 'REFUSED', 'EMERGENCY_AID',
                                                      'APPROVED', 'AID_REFUSED', 'PAID', 'CLOSED')),
  source         varchar(60)   not null,
  at             timestamptz   not null,
  arguments      varchar(2000)[] not null,
  primary key (request_number, kind, source)
);
