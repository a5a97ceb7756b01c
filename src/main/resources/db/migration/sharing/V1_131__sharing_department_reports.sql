-- Assistance departments report they gave (教育资助、危房改造、就业援助、参保资助 …), by API or file. One row per
-- department and reference: the same report sent twice is one report; the same reference with other content is a
-- conflict. Each report also enters the household's assistance chain (relief_assistance).
create table sharing_department_report (
    id            uuid         primary key,
    unit_id       uuid         not null,
    reference     varchar(60)  not null,
    scheme        varchar(40)  not null,
    cause         varchar(40),
    person_id     uuid         not null,
    household_id  uuid,
    amount        numeric(12, 2) not null check (amount >= 0),
    goods         varchar(200),
    given_on      date         not null,
    content_hash  char(64)     not null,
    file_sha256   char(64),
    reported_by   varchar(100) not null,
    received_at   timestamptz  not null,
    unique (unit_id, reference)
);

create index sharing_department_report_latest on sharing_department_report (unit_id, received_at desc);
