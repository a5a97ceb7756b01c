-- One-stop medical settlement (一站式即时结算). An admission is open from the hospital's registration to its
-- settlement; a person has at most one open admission (the partial unique index decides, also between two
-- hospitals at once). A settlement keeps the split, the rules' version and the patient's class; a reversal keeps
-- the settlement and its reason, and frees the admission to be settled again.
create table relief_admission
(
  id               uuid primary key,
  person_id        uuid         not null,
  patient_name     varchar(50)  not null,
  residence_path   varchar(200) not null,
  hospital_code    varchar(40)  not null,
  hospital_name    varchar(100) not null,
  hospital_level   varchar(10)  not null check (hospital_level in ('PRIMARY', 'SECONDARY', 'TERTIARY')),
  admission_number varchar(40)  not null,
  admitted_on      date         not null,
  discharged_on    date,
  status           varchar(10)  not null check (status in ('OPEN', 'SETTLED')),
  registered_by    varchar(100) not null,
  registered_at    timestamptz  not null,
  unique (hospital_code, admission_number),
  check (discharged_on is null or discharged_on >= admitted_on)
);
create unique index relief_admission_open_idx on relief_admission (person_id) where status = 'OPEN';
create index relief_admission_person_idx on relief_admission (person_id);

create table relief_settlement
(
  id              uuid primary key,
  admission_id    uuid           not null references relief_admission (id),
  person_id       uuid           not null,
  household_id    uuid,
  residence_path  varchar(200)   not null,
  year            int            not null,
  patient_class   varchar(10)    not null,
  in_policy       numeric(12, 2) not null check (in_policy >= 0),
  out_of_policy   numeric(12, 2) not null check (out_of_policy >= 0),
  basic           numeric(12, 2) not null check (basic >= 0),
  critical        numeric(12, 2) not null check (critical >= 0),
  assistance      numeric(12, 2) not null check (assistance >= 0),
  patient         numeric(12, 2) not null check (patient >= 0),
  policy_id       uuid           not null references relief_policy (id),
  rules_version   varchar(60)    not null,
  settled_by      varchar(100)   not null,
  organisation    varchar(100)   not null,
  settled_at      timestamptz    not null,
  reversed_by     varchar(100),
  reversed_at     timestamptz,
  reversal_reason varchar(1000),
  check (basic + critical + assistance + patient = in_policy + out_of_policy),
  check ((reversed_at is null) = (reversal_reason is null))
);
-- One standing settlement per admission.
create unique index relief_settlement_admission_idx on relief_settlement (admission_id) where reversed_at is null;
create index relief_settlement_person_year_idx on relief_settlement (person_id, year) where reversed_at is null;
