-- The paperwork step of an emergency grant is named by the grant's voucher number (XJ-2026-000045), which its
-- deadline messages and the supervision board show, no longer by the grant's internal key.
update supervision_step s set subject_ref = g.number
  from relief_emergency_grant g
 where s.kind = 'EMERGENCY_PAPERWORK' and s.subject_ref = g.id::text;
