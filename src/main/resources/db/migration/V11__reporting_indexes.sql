-- Indexes for the dashboards, the early-intervention list, the termly data pack and the paged
-- student page (issue 6), measured on 15,000 students and 1,000,000 events (DashboardBench,
-- docs/performance.md). Plain indexes only, so the same file runs on PostgreSQL and H2.

-- incidents of a period (every incident dashboard and rule starts from occurred_at)
create index incident_occurred on incident (occurred_at);
-- a student's part in incidents of a period: the early-intervention rule joins from the student side
create index incident_student_part on incident_student (student_id, part, incident_id);
-- referrals raised in a term; open referrals by category and stage
create index referral_raised_at on referral (raised_at);
create index referral_stage on referral (stage, category);
-- support plans running in a period
create index support_plan_period on support_plan (started_on, closed_on);
-- weeks of a term for every student, read from the index alone
create index attendance_week_period on attendance_week (week_commencing, student_id, possible_sessions, attended_sessions);
-- a page of the student's chronology, newest first
create index chronology_entry_page on chronology_entry (student_id, occurred_at desc, id desc);
