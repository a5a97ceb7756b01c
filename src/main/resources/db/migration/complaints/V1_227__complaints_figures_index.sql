-- The figures count complaints by the region of the unit complained about and by when they came in.
create index complaints_complaint_subject_idx on complaints_complaint (subject_path varchar_pattern_ops, received_at);
