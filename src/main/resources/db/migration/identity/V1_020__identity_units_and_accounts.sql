create table identity_unit
(
  id            uuid primary key,
  name          varchar(100) not null check (length(name) > 0),
  kind          varchar(60) not null,
  division_code varchar(12) not null,
  division_path varchar(200) not null check (division_path like '%/' || division_code || '/'),
  demo          boolean not null default false,
  version       bigint not null default 0,
  unique (division_code, name)
);
create index identity_unit_path_idx on identity_unit (division_path text_pattern_ops);

create table identity_account
(
  id                   uuid primary key,
  username             varchar(40) not null unique check (username = lower(username)),
  display_name         varchar(60) not null,
  unit_id              uuid not null references identity_unit (id),
  password_hash        varchar(255) not null,
  password_changed_at  timestamptz not null,
  must_change_password boolean not null,
  failed_attempts      int not null default 0 check (failed_attempts >= 0),
  locked_until         timestamptz,
  disabled             boolean not null default false,
  totp_secret          varchar(255),
  totp_last_step       bigint not null default 0,
  last_login_at        timestamptz,
  demo                 boolean not null default false,
  version              bigint not null default 0
);
create index identity_account_unit_idx on identity_account (unit_id);

create table identity_account_role
(
  account_id uuid not null references identity_account (id) on delete cascade,
  role       varchar(40) not null,
  primary key (account_id, role)
);

-- Partner systems; their secret is stored as a SHA-256 hash of 256 random bits.
create table identity_api_client
(
  id          uuid primary key,
  client_id   varchar(60) not null unique,
  name        varchar(100) not null,
  unit_id     uuid not null references identity_unit (id),
  secret_hash char(64) not null,
  scopes      varchar(500) not null,
  disabled    boolean not null default false,
  created_at  timestamptz not null
);

-- Bearer tokens: a staff member's personal token or a partner client's short-lived access token.
create table identity_access_token
(
  id         uuid primary key,
  name       varchar(60),
  token_hash char(64) not null unique,
  account_id uuid references identity_account (id),
  client_id  uuid references identity_api_client (id),
  roles      varchar(500),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  check ((account_id is null) <> (client_id is null)),
  check (expires_at > created_at)
);
create index identity_access_token_account_idx on identity_access_token (account_id);
