-- The pilot (试点): its phases in each county, each township's readiness, and the townships' policy documents.
create table pilot_phase (
    id          uuid         primary key,
    county      varchar(6)   not null,
    name        varchar(100) not null,
    starts_on   date         not null,
    ends_on     date         not null,
    goal        varchar(1000),
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    check (ends_on >= starts_on),
    -- phases of one county follow each other; they never overlap
    exclude using gist (county with =, daterange(starts_on, ends_on, '[]') with &&)
);

-- The readiness checklist: one row per township and item once anyone has touched it.
create table pilot_readiness (
    township    varchar(9)   not null,
    item        varchar(30)  not null check (item in ('WINDOW_SET_UP', 'HOTLINE_OPEN', 'PLAN_FILED', 'LIAISON_ASSIGNED')),
    done        boolean      not null,
    note        varchar(500),
    updated_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    primary key (township, item)
);

-- The townships' policy documents (实施方案、制度文件); the file is kept in the data folder under the row's id.
create table pilot_document (
    id            uuid         primary key,
    township      varchar(9)   not null,
    title         varchar(200) not null,
    doc_number    varchar(100),
    issued_on     date         not null,
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null
);
create index pilot_document_by_township on pilot_document (township, issued_on desc);
