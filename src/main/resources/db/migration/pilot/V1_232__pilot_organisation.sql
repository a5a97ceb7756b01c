-- The pilot's organisation as tracked work: the county's leading group and the townships' leading bodies, meetings
-- with their minutes and the decisions that became action items (each a supervision step owed by its owner),
-- publicity, liaison leaders assigned to townships and their visits.
create table pilot_member
(
  id        uuid primary key,
  county    varchar(6)   not null,
  township  varchar(9),
  name      varchar(50)  not null,
  post      varchar(100) not null,
  unit      varchar(100) not null,
  role      varchar(10)  not null check (role in ('LEADER', 'DEPUTY', 'MEMBER')),
  added_by  varchar(100) not null,
  added_at  timestamptz  not null
);
create index pilot_member_county_idx on pilot_member (county);

create table pilot_meeting
(
  id          uuid primary key,
  county      varchar(6)    not null,
  kind        varchar(20)   not null check (kind in ('MOBILISATION', 'EXCHANGE', 'CROSS_LEARNING', 'REVIEW')),
  held_on     date          not null,
  place       varchar(100)  not null,
  attendees   varchar(1000) not null,
  minutes     varchar(4000) not null,
  recorded_by varchar(100)  not null,
  recorded_at timestamptz   not null
);
create index pilot_meeting_county_idx on pilot_meeting (county, held_on);

create table pilot_action
(
  id         uuid primary key,
  meeting_id uuid          references pilot_meeting (id),
  county     varchar(6)    not null,
  township   varchar(9),
  decision   varchar(500)  not null,
  owner      varchar(100)  not null,
  owner_name varchar(100)  not null,
  due_at     timestamptz   not null,
  status     varchar(10)   not null check (status in ('OPEN', 'DONE')),
  done_at    timestamptz,
  done_by    varchar(100),
  done_note  varchar(1000),
  kind       varchar(20)   not null default 'DECISION' check (kind in ('DECISION', 'TOWNSHIP_PLAN', 'MOBILISATION'))
);
create index pilot_action_county_idx on pilot_action (county, status);
create unique index pilot_action_plan_idx on pilot_action (township) where kind = 'TOWNSHIP_PLAN';

create table pilot_publicity
(
  id          uuid primary key,
  county      varchar(6)   not null,
  township    varchar(9),
  held_on     date         not null,
  what        varchar(200) not null,
  place       varchar(100) not null,
  reach       int          not null check (reach >= 0),
  recorded_by varchar(100) not null,
  recorded_at timestamptz  not null
);

create table pilot_liaison
(
  township    varchar(9) primary key,
  county      varchar(6)   not null,
  leader_name varchar(50)  not null,
  post        varchar(100) not null,
  assigned_by varchar(100) not null,
  assigned_at timestamptz  not null
);

create table pilot_visit
(
  id          uuid primary key,
  township    varchar(9)    not null references pilot_liaison (township),
  visited_on  date          not null,
  findings    varchar(2000) not null,
  recorded_by varchar(100)  not null,
  recorded_at timestamptz   not null
);
