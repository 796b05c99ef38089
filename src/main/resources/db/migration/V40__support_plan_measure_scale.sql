-- Issue 17, "one model of measures": a support plan names a scale of pastoral.interventions.scales, as
-- an intervention does, and its baseline and end scores are on it. Until now the plan named its measure
-- in words and scored it 0-100. The words are kept as the plan's measure note (nothing is lost), and a
-- plan is put on a default scale only where its words name that scale (its whole name, or "SDQ") and
-- both its scores fit the scale's range, as the provision map read them before; every other plan is on
-- plan-score, the 0-100 scale the old form used. Portable SQL: the demo runs on H2, tests on PostgreSQL.
alter table support_plan add column measure_scale varchar(40);
alter table support_plan rename column measure_name to measure_note;
alter table support_plan alter column measure_note drop not null;

update support_plan set measure_scale = case
    when (' ' || lower(replace(replace(replace(replace(replace(measure_note, '(', ' '), ')', ' '), ',', ' '), '-', ' '), '/', ' ')) || ' ')
            like '% self rating %'
        and baseline_score between 1 and 10 and coalesce(end_score, 1) between 1 and 10 then 'self-rating'
    when (' ' || lower(replace(replace(replace(replace(replace(measure_note, '(', ' '), ')', ' '), ',', ' '), '-', ' '), '/', ' ')) || ' ')
            like '% sdq %'
        and baseline_score between 0 and 40 and coalesce(end_score, 0) between 0 and 40 then 'sdq-total'
    when lower(measure_note) like '%boxall profile%'
        and baseline_score between 0 and 136 and coalesce(end_score, 0) between 0 and 136 then 'boxall'
    when lower(measure_note) like '%attendance%' and position('%' in measure_note) > 0 then 'attendance'
    when lower(measure_note) like '%negative behaviour points%'
        and baseline_score between 0 and 200 and coalesce(end_score, 0) between 0 and 200 then 'behaviour-points'
    else 'plan-score' end;

alter table support_plan alter column measure_scale set not null;
