-- The legal basis on which a case may be shared with charities and social-work agencies: the person's written
-- consent or an entrustment agreement (PIPL). Kept per case; a newer record replaces what the case shows, the older
-- stay for the record.
create table casework_sharing_basis
(
  id          uuid primary key,
  case_id     uuid         not null references casework_case (id),
  basis       varchar(12)  not null check (basis in ('CONSENT', 'ENTRUSTMENT')),
  reference   varchar(100) not null,
  recorded_by varchar(100) not null,
  recorded_at timestamptz  not null
);
create index casework_sharing_basis_case_idx on casework_sharing_basis (case_id, recorded_at);
