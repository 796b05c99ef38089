-- Punctuality (issue 15, part 3). The weekly attendance export's late marks in both codes of the
-- DfE's register: L (late before registers closed, counted as present; the existing late_sessions)
-- and U (late after registers closed, counted as unauthorised absence). A persistent-lateness
-- concern is an attendance_concern of kind LATENESS: no new table.
alter table attendance_week add column late_after_close integer not null default 0;
