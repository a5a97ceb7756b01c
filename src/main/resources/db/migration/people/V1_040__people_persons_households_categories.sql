-- Persons. ID and phone numbers are stored sealed (AES-GCM, key outside the database) with a keyed hash for exact
-- look-up and a masked form for display; nothing here reveals a full number without the key.
create table people_person
(
  id               uuid primary key,
  name             varchar(50) not null check (length(name) > 0),
  id_number_sealed text,
  id_number_hash   char(64),
  id_number_masked varchar(18),
  birth_date       date,
  sex              varchar(6) check (sex in ('MALE', 'FEMALE')),
  ethnicity        varchar(20),
  phone_sealed     text,
  phone_hash       char(64),
  phone_masked     varchar(20),
  residence        varchar(12) not null,
  residence_path   varchar(200) not null check (residence_path like '%/' || residence || '/'),
  address          varchar(200),
  provisional      boolean not null,
  superseded_by    uuid references people_person (id),
  version          bigint not null default 0,
  check (provisional or (id_number_sealed is not null and id_number_hash is not null)),
  check (superseded_by is null or provisional)
);
create unique index people_person_id_number_uq on people_person (id_number_hash);
create index people_person_phone_idx on people_person (phone_hash);
create index people_person_residence_idx on people_person (residence_path text_pattern_ops, name);
create index people_person_lookalike_idx on people_person (name, birth_date, residence);

-- Households and their members over time: a membership ends (left_on) when the person moves.
create table people_household
(
  id             uuid primary key,
  village        varchar(12) not null,
  village_path   varchar(200) not null,
  address        varchar(200),
  version        bigint not null default 0
);
create index people_household_path_idx on people_household (village_path text_pattern_ops);

create table people_household_member
(
  household_id uuid not null references people_household (id),
  person_id    uuid not null references people_person (id),
  relationship varchar(20) not null,
  joined_on    date not null,
  left_on      date,
  check (left_on is null or left_on >= joined_on)
);
create unique index people_household_member_current_uq on people_household_member (person_id) where left_on is null;
create unique index people_household_head_uq on people_household_member (household_id)
  where left_on is null and relationship = 'HEAD';
create index people_household_member_household_idx on people_household_member (household_id);

-- Assistance categories (a configurable list) and each person's or household's standing in them.
create table people_category
(
  code     varchar(40) primary key,
  name_zh  varchar(40) not null,
  name_en  varchar(80) not null,
  subject  varchar(10) not null check (subject in ('PERSON', 'HOUSEHOLD')),
  graded   boolean not null default false,
  active   boolean not null default true
);
insert into people_category (code, name_zh, name_en, subject, graded) values
  ('MINIMUM_LIVING_ALLOWANCE', '最低生活保障（低保）', 'Minimum living allowance', 'HOUSEHOLD', false),
  ('EXTREME_POVERTY_SUPPORT', '特困人员供养', 'Support for persons in extreme poverty', 'PERSON', false),
  ('LOW_INCOME_MARGINAL', '低保边缘家庭', 'Marginal low-income household', 'HOUSEHOLD', false),
  ('ILLNESS_INDUCED_POVERTY', '因病致贫重病患者', 'Seriously ill person impoverished by illness', 'PERSON', false),
  ('ORPHAN_OR_UNCARED_CHILD', '孤儿、事实无人抚养儿童', 'Orphan or child without de facto care', 'PERSON', false),
  ('DISABILITY', '残疾人', 'Person with a disability', 'PERSON', true),
  ('POVERTY_RETURN_MONITORING', '防止返贫致贫监测对象', 'Household monitored against (re)falling into poverty', 'HOUSEHOLD', false);

create table people_category_membership
(
  id            uuid primary key,
  category_code varchar(40) not null references people_category (code),
  person_id     uuid references people_person (id),
  household_id  uuid references people_household (id),
  grade         smallint check (grade between 1 and 4),
  source        varchar(200) not null,
  valid_from    date not null,
  valid_to      date,
  check ((person_id is null) <> (household_id is null)),
  check (valid_to is null or valid_to >= valid_from)
);
create index people_category_membership_person_idx on people_category_membership (person_id, category_code);
create index people_category_membership_household_idx on people_category_membership (household_id, category_code);
