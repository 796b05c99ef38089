-- A realistic English school calendar (a typical local-authority pattern) so deadlines
-- count school days from the first start. Administrators edit these on /admin/calendar.
insert into school_term (id, name, starts_on, ends_on) values
 (1, 'Autumn 2025', date '2025-09-01', date '2025-12-19'),
 (2, 'Spring 2026', date '2026-01-05', date '2026-03-27'),
 (3, 'Summer 2026', date '2026-04-13', date '2026-07-22'),
 (4, 'Autumn 2026', date '2026-09-01', date '2026-12-18'),
 (5, 'Spring 2027', date '2027-01-04', date '2027-03-25'),
 (6, 'Summer 2027', date '2027-04-12', date '2027-07-21'),
 (7, 'Autumn 2027', date '2027-09-01', date '2027-12-17');

insert into school_closure (id, starts_on, ends_on, kind, description) values
 (1,  date '2025-09-01', date '2025-09-02', 'INSET', 'INSET days'),
 (2,  date '2025-10-27', date '2025-10-31', 'HALF_TERM', 'Autumn half-term'),
 (3,  date '2026-01-05', date '2026-01-05', 'INSET', 'INSET day'),
 (4,  date '2026-02-16', date '2026-02-20', 'HALF_TERM', 'Spring half-term'),
 (5,  date '2026-05-04', date '2026-05-04', 'BANK_HOLIDAY', 'Early May bank holiday'),
 (6,  date '2026-05-25', date '2026-05-29', 'HALF_TERM', 'Summer half-term'),
 (7,  date '2026-07-22', date '2026-07-22', 'INSET', 'INSET day'),
 (8,  date '2026-09-01', date '2026-09-02', 'INSET', 'INSET days'),
 (9,  date '2026-10-26', date '2026-10-30', 'HALF_TERM', 'Autumn half-term'),
 (10, date '2027-01-04', date '2027-01-04', 'INSET', 'INSET day'),
 (11, date '2027-02-15', date '2027-02-19', 'HALF_TERM', 'Spring half-term'),
 (12, date '2027-05-03', date '2027-05-03', 'BANK_HOLIDAY', 'Early May bank holiday'),
 (13, date '2027-05-31', date '2027-06-04', 'HALF_TERM', 'Summer half-term'),
 (14, date '2027-07-21', date '2027-07-21', 'INSET', 'INSET day'),
 (15, date '2027-09-01', date '2027-09-02', 'INSET', 'INSET days'),
 (16, date '2027-10-25', date '2027-10-29', 'HALF_TERM', 'Autumn half-term');
