-- Qinghai > Hainan Tibetan Autonomous Prefecture > Gonghe County (632521) and its township-level units in the
-- 2016 and 2023 statistical code sets. Codes that exist in only one set carry a period: the 2016-only codes end on
-- 2022-12-31 and the 2023-only codes start on 2023-01-01 (the editions' years; the exact day of each change is not
-- published in the sources used). Three 乡 became 镇 under new codes and name their successor.
insert into region_division (code, name, level, parent_code, valid_from, valid_to, successor_code, ancestry) values
  ('630000', '青海省', 'PROVINCE', null, null, null, null, '/630000/'),
  ('632500', '海南藏族自治州', 'PREFECTURE', '630000', null, null, null, '/630000/632500/'),
  ('632521', '共和县', 'COUNTY', '632500', null, null, null, '/630000/632500/632521/'),
  ('632521100', '恰卜恰镇', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521100/'),
  ('632521101', '倒淌河镇', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521101/'),
  ('632521102', '龙羊峡镇', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521102/'),
  ('632521103', '塘格木镇', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521103/'),
  ('632521104', '黑马河镇', 'TOWNSHIP', '632521', '2023-01-01', null, null, '/630000/632500/632521/632521104/'),
  ('632521105', '石乃亥镇', 'TOWNSHIP', '632521', '2023-01-01', null, null, '/630000/632500/632521/632521105/'),
  ('632521106', '江西沟镇', 'TOWNSHIP', '632521', '2023-01-01', null, null, '/630000/632500/632521/632521106/'),
  ('632521200', '黑马河乡', 'TOWNSHIP', '632521', null, '2022-12-31', '632521104', '/630000/632500/632521/632521200/'),
  ('632521201', '石乃亥乡', 'TOWNSHIP', '632521', null, '2022-12-31', '632521105', '/630000/632500/632521/632521201/'),
  ('632521202', '沙珠玉乡', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521202/'),
  ('632521203', '铁盖乡', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521203/'),
  ('632521204', '廿地乡', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521204/'),
  ('632521205', '切吉乡', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521205/'),
  ('632521206', '江西沟乡', 'TOWNSHIP', '632521', null, '2022-12-31', '632521106', '/630000/632500/632521/632521206/'),
  ('632521401', '湖东种羊场', 'TOWNSHIP', '632521', null, '2022-12-31', null, '/630000/632500/632521/632521401/'),
  ('632521402', '巴卡台农场', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521402/'),
  ('632521403', '安置农场', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521403/'),
  ('632521404', '铁卜加草改站', 'TOWNSHIP', '632521', null, null, null, '/630000/632500/632521/632521404/');
