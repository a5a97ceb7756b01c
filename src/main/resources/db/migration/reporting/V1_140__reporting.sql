-- The dashboards' read model, fed by the other modules' events: small roll-ups by month and township, so a
-- dashboard reads a few thousand rows however many cases there are. Times to aid are counted in 18 buckets (up to 1,
-- 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 480, 720, 1080, 1440, 2160 hours, and more), from which the median
-- and 90th percentile are read by nearest rank.

-- Events already counted, so a listener run again (after a crash) never counts twice.
create table reporting_seen (
    key varchar(200) primary key
);

-- Each request as far as the dashboards need it: where, how it arrived, its first cause.
create table reporting_request (
    number      varchar(40) primary key,
    township    varchar(9)  not null,
    channel     varchar(20) not null,
    cause       varchar(40) not null,
    received_at timestamptz not null
);

-- Each case: first contact, first aid and what of it has been counted in the roll-up.
create table reporting_case (
    case_number      varchar(40) primary key,
    request_number   varchar(40),
    township         varchar(9),
    first_contact_at timestamptz,
    first_aid_at     timestamptz,
    month            date,
    channel          varchar(20),
    cause            varchar(40),
    counted          boolean not null default false,
    aided_bucket     smallint
);
create index reporting_case_by_request on reporting_case (request_number) where not counted;

create table reporting_cases (
    month       date        not null,
    township    varchar(9)  not null,
    channel     varchar(20) not null,
    cause       varchar(40) not null,
    requests    integer not null default 0,
    cases       integer not null default 0,
    aided       integer not null default 0,
    b00        integer not null default 0,
    b01        integer not null default 0,
    b02        integer not null default 0,
    b03        integer not null default 0,
    b04        integer not null default 0,
    b05        integer not null default 0,
    b06        integer not null default 0,
    b07        integer not null default 0,
    b08        integer not null default 0,
    b09        integer not null default 0,
    b10        integer not null default 0,
    b11        integer not null default 0,
    b12        integer not null default 0,
    b13        integer not null default 0,
    b14        integer not null default 0,
    b15        integer not null default 0,
    b16        integer not null default 0,
    b17        integer not null default 0,
    primary key (month, township, channel, cause)
);
create index reporting_cases_by_township on reporting_cases (township text_pattern_ops, month);

-- Tasks referred to units: how many, done, done on time, returned.
create table reporting_units (
    month      date         not null,
    township   varchar(9)   not null,
    unit_id    uuid         not null,
    unit_name  varchar(200) not null,
    referred   integer not null default 0,
    completed  integer not null default 0,
    on_time    integer not null default 0,
    returns    integer not null default 0,
    primary key (month, township, unit_id)
);

-- Amounts by scheme (temporary, emergency, medical, charity, departments' schemes) and services delivered by type.
create table reporting_activity (
    month     date           not null,
    township  varchar(9)     not null,
    kind      varchar(40)    not null,
    count     integer        not null default 0,
    amount    numeric(16, 2) not null default 0,
    primary key (month, township, kind)
);
