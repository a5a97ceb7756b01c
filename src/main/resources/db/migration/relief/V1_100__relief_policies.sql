-- Relief policy parameters (救助政策参数): one set per region and effective period, as a checked JSON document
-- (standards, temporary-assistance rules, approval thresholds, the emergency path, medical rules). A region's
-- periods never overlap — the exclusion constraint settles it, also between two administrators saving at once.
-- A settlement or decision finds the set of the most specific region (township, then county …) in force that day.
create extension if not exists btree_gist;

create table relief_policy
(
  id           uuid primary key,
  region_code  varchar(12)  not null,
  region_path  varchar(200) not null,
  valid_from   date         not null,
  valid_to     date,
  example      boolean      not null,
  rules        jsonb        not null,
  note         varchar(500),
  created_by   varchar(100) not null,
  created_at   timestamptz  not null,
  check (valid_to is null or valid_to >= valid_from),
  exclude using gist (region_code with =, daterange(valid_from, valid_to, '[]') with &&)
);
create index relief_policy_region_idx on relief_policy (region_code, valid_from);

-- Example parameters for Gonghe county, marked as examples until the county confirms its own (amounts in yuan).
insert into relief_policy (id, region_code, region_path, valid_from, valid_to, example, rules, note, created_by,
                           created_at)
values ('5a0c1e7e-0000-4000-8000-000000000001', '632521', '/630000/632500/632521/', date '2025-01-01', null, true,
        '{
          "urbanStandard": 780.00, "ruralStandard": 520.00,
          "townshipApprovalLimit": 3000.00, "emergencyLimit": 2000.00, "paperworkWorkingDays": 5,
          "exclusiveSchemes": [["TEMPORARY", "DISASTER_RELIEF"]],
          "hardship": [
            {"cause": "FIRE", "multiple": 1.0, "months": 3, "perGrantCap": 6000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": true, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.6}, {"name": "三档", "ratio": 0.3}]},
            {"cause": "TRAFFIC_ACCIDENT", "multiple": 1.0, "months": 3, "perGrantCap": 6000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": true, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.6}, {"name": "三档", "ratio": 0.3}]},
            {"cause": "ACCIDENTAL_INJURY", "multiple": 1.0, "months": 3, "perGrantCap": 6000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": true, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.6}, {"name": "三档", "ratio": 0.3}]},
            {"cause": "SUDDEN_SERIOUS_ILLNESS", "multiple": 1.5, "months": 3, "perGrantCap": 8000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": true, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.6}, {"name": "三档", "ratio": 0.3}]},
            {"cause": "NATURAL_DISASTER", "multiple": 1.0, "months": 3, "perGrantCap": 6000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": true, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.6}, {"name": "三档", "ratio": 0.3}]},
            {"cause": "DOMESTIC_VIOLENCE", "multiple": 1.0, "months": 2, "perGrantCap": 3000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": false, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.5}]},
            {"cause": "MEDICAL_SPENDING", "multiple": 1.0, "months": 6, "perGrantCap": 8000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": true, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.6}, {"name": "三档", "ratio": 0.3}]},
            {"cause": "SCHOOLING_SPENDING", "multiple": 1.0, "months": 3, "perGrantCap": 4000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": true, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.6}]},
            {"cause": "OTHER", "multiple": 1.0, "months": 2, "perGrantCap": 3000.00, "householdYearlyCap": 10000.00,
             "oncePerYear": false, "bands": [{"name": "一档", "ratio": 1.0}, {"name": "二档", "ratio": 0.5}]}
          ],
          "medical": {
            "version": "example", "year": 2025,
            "basic": {"PRIMARY": {"deductible": 300.00, "ratio": 0.85, "yearlyCap": 0},
                      "SECONDARY": {"deductible": 600.00, "ratio": 0.75, "yearlyCap": 0},
                      "TERTIARY": {"deductible": 1200.00, "ratio": 0.65, "yearlyCap": 0}},
            "basicYearlyCap": 300000.00,
            "critical": {"deductible": 15000.00, "yearlyCap": 400000.00,
                         "tiers": [{"upTo": 100000.00, "ratio": 0.60}, {"upTo": null, "ratio": 0.70}]},
            "assistance": {"CLASS_1": {"deductible": 0, "ratio": 1.00, "yearlyCap": 80000.00},
                           "CLASS_2": {"deductible": 0, "ratio": 0.70, "yearlyCap": 60000.00},
                           "CLASS_3": {"deductible": 3000.00, "ratio": 0.60, "yearlyCap": 50000.00},
                           "CLASS_4": {"deductible": 10000.00, "ratio": 0.50, "yearlyCap": 40000.00},
                           "NONE": {"deductible": 0, "ratio": 0, "yearlyCap": 0}}
          }
        }', '示例参数，待县民政局、医保局按本县文件确认 (example values, to be confirmed by the county)', 'system',
        now());
