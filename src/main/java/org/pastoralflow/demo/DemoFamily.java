package org.pastoralflow.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.pastoralflow.family.ContactFollowUpProcess;
import org.pastoralflow.family.ContactImporter;
import org.pastoralflow.family.ContactLog;
import org.pastoralflow.family.ContactLogEntry;
import org.pastoralflow.family.FamilyContacts;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo school's parents and carers and a term of contacts with home. The contacts go through the
 * MIS contacts import as a school's would (a CSV made here: one or two contacts per student, a few
 * restricted), so the demo costs one import; the contact log through its own service, put on its days
 * by {@link Backdate}, with a few follow-ups still open and one overdue. Every name, number and
 * address is invented: telephone numbers from Ofcom's drama range, addresses in a town that does not exist.
 */
@Component
class DemoFamily {

    private static final List<String> MOTHERS = List.of("Sarah", "Emma", "Claire", "Aisha", "Joanne", "Priya", "Michelle", "Kate",
            "Nadia", "Lisa", "Rebecca", "Agnieszka", "Fatima", "Leanne", "Helen", "Grace");
    private static final List<String> FATHERS = List.of("David", "Mark", "Imran", "Paul", "Tomasz", "Lee", "Richard", "Daniel",
            "Kwame", "Gareth", "Andrew", "Raj", "Steven", "Craig", "Ben", "Omar");
    private static final List<String> STREETS = List.of("Mill Lane", "Orchard Close", "Station Road", "Meadow View", "Church Street",
            "Willow Drive", "Ferry Road", "Oak Avenue", "Bridge Street", "Hawthorn Way");
    private static final List<String> SAID = List.of(
            "Talked through the week: settling better in lessons, still tired in the mornings. Parent will keep an eye on bedtimes.",
            "Rang about the missed homework; parent was not aware and will check the planner each evening.",
            "Parent called worried about friendship fall-outs at lunchtime; agreed the PSO will check in with the student.",
            "Discussed attendance this half term; two days off with illness, parent will send in the appointment letter.",
            "Meeting about the report card targets; parent pleased with progress in maths, less so in English.",
            "E-mail about the trip consent form and the cost; parent asked about help with payment.",
            "Left a voicemail asking for a call back about Tuesday's incident.",
            "Home visit with the PSO: family settling into the new flat, student sharing a room with two siblings.");
    private static final List<String> AGREED = List.of("PSO to check in on Friday", "Parent to send the letter in", "Review at the end of the week",
            "Call back once the student has been seen", "Form tutor to be told");

    private final ContactImporter importer;
    private final ContactLog log;
    private final FamilyContacts contacts;
    private final TaskInbox inbox;
    private final JdbcTemplate jdbc;

    DemoFamily(ContactImporter importer, ContactLog log, FamilyContacts contacts, TaskInbox inbox, JdbcTemplate jdbc) {
        this.importer = importer;
        this.log = log;
        this.contacts = contacts;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    /** Imports one or two contacts for every student; returns how many. */
    int seedContacts(List<Student> students, Random random) {
        StringBuilder csv = new StringBuilder("UPN,Contact Surname,Contact Forename,Relationship,Parental Responsibility,Priority,"
                + "Lives With Pupil,Home Phone,Mobile Phone,Work Phone,Email,Address Line 1,Address Line 2,Town,Postcode,Restrictions\r\n");
        int phone = 0;
        for (int i = 0; i < students.size(); i++) {
            Student s = students.get(i);
            String surname = s.getLegalSurname();
            String house = (1 + random.nextInt(98)) + " " + STREETS.get(random.nextInt(STREETS.size()));
            String postcode = "ZX" + (1 + random.nextInt(9)) + " " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26))
                    + (char) ('A' + random.nextInt(26));
            boolean mumFirst = random.nextInt(3) > 0;
            String first = mumFirst ? MOTHERS.get(random.nextInt(MOTHERS.size())) : FATHERS.get(random.nextInt(FATHERS.size()));
            // every 40th family: the first contact's address is withheld; every 150th also has a parent who must not be contacted
            String firstRestriction = i % 40 == 7 ? "DND" : "";
            row(csv, s.getUpn(), surname, first, mumFirst ? "Mother" : "Father", 1, true, phone++, house, postcode, firstRestriction);
            if (random.nextInt(10) < 6 || i % 150 == 11) {
                String second = mumFirst ? FATHERS.get(random.nextInt(FATHERS.size())) : MOTHERS.get(random.nextInt(MOTHERS.size()));
                boolean apart = random.nextInt(4) == 0 || i % 150 == 11;
                String restriction = i % 150 == 11 ? (i % 300 == 11 ? "CO" : "NC") : "";
                row(csv, s.getUpn(), apart ? surname + (mumFirst ? "" : "-" + surname) : surname, second,
                        mumFirst ? "Father" : "Mother", 2, true, phone++, apart ? null : house, apart ? null : postcode, restriction);
            } else if (random.nextInt(8) == 0) {
                row(csv, s.getUpn(), surname, MOTHERS.get(random.nextInt(MOTHERS.size())), "Grandparent", 2, false, phone++, null,
                        null, "");
            }
        }
        try {
            ImportReport report = importer.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "admin");
            if (!report.accepted()) {
                throw new IllegalStateException("The demo's contacts did not import: " + report.problems());
            }
            return report.rowsRead();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder csv, String upn, String surname, String forename, String relationship, int priority,
                            boolean pr, int phone, String house, String postcode, String restrictions) {
        String mobile = String.format("07700 900%03d", phone % 1000);
        csv.append(upn).append(',').append(surname).append(',').append(forename).append(',').append(relationship).append(',')
                .append(pr ? "Y" : "N").append(',').append(priority).append(',').append(house == null ? "N" : "Y").append(",,")
                .append(mobile).append(",,").append(forename.toLowerCase()).append('.').append(surname.toLowerCase().replaceAll("[^a-z]", ""))
                .append(phone).append("@example.org,").append(house == null ? "" : house).append(",,")
                .append(house == null ? "" : "Exampleton").append(',').append(postcode == null ? "" : postcode).append(',')
                .append(restrictions).append("\r\n");
    }

    /**
     * About forty contacts with home across the term, by the PSO mostly, one at safeguarding level by
     * the DSL; the last few with follow-ups still open, one of them overdue. Returns how many.
     */
    int seedLog(DemoDays days, Backdate backdate, List<Student> students, Random random, ZoneId zone, LocalDate today) {
        Viewer pso = DemoTerm.viewer("pso");
        Viewer hoy = DemoTerm.viewer("hoy");
        Viewer dsl = DemoTerm.viewer("dsl");
        String[] methods = {"phone-made", "phone-made", "phone-received", "phone-no-answer", "meeting", "email", "letter", "home-visit"};
        int count = 0;
        ContactLogEntry overdue = null;
        for (int n = 0; n < 40 && n < students.size(); n++) {
            int day = Math.min(days.size() - 1, 1 + n * (days.size() - 1) / 40);
            LocalDate on = days.fromStart(day);
            int hour = 9 + random.nextInt(7);
            Instant at = days.at(on, hour, 10 * random.nextInt(6));
            if (!on.isBefore(today)) {
                continue;
            }
            Student s = students.get(n);
            List<org.pastoralflow.family.FamilyContact> may = contacts.contactable(s.getId());
            String method = methods[random.nextInt(methods.length)];
            Viewer who = n == 20 ? dsl : n % 5 == 3 ? hoy : pso;
            Map<String, String> form = new HashMap<>();
            form.put("contact", may.isEmpty() ? ContactLog.SOMEONE_ELSE : String.valueOf(may.get(0).getId()));
            form.put("withWhom", "Aunt (emergency contact)");
            form.put("method", method);
            form.put("day", on.toString());
            form.put("time", LocalTime.of(hour, 0).toString());
            form.put("said", n == 20 ? "Parent disclosed that the student's older brother has been staying out overnight and the "
                    + "student has been left to look after the younger two. Referred to the DSL's notes." : SAID.get(random.nextInt(SAID.size())));
            form.put("agreed", AGREED.get(random.nextInt(AGREED.size())));
            form.put("confidentiality", n == 20 ? "safeguarding" : "pastoral");
            // the last five contacts ask for a follow-up in the coming days; the first of them is put in the past below
            boolean followUp = n >= 35;
            if (followUp) {
                LocalDate by = today.plusDays(1 + random.nextInt(5));
                while (by.getDayOfWeek().getValue() > 5) {
                    by = by.plusDays(1);
                }
                form.put("followUpOn", by.toString());
            }
            Viewer writer = who;
            ContactLogEntry e = backdate.at(at.plusSeconds(600), () -> log.record(s.getId(), new FormData(form), writer));
            if (followUp && overdue == null) {
                overdue = e;
            }
            count++;
        }
        if (overdue != null) {
            // a follow-up date before today, which the log refuses to take: the demo shows one left too long
            LocalDate past = days.fromEnd(1).isBefore(today) ? days.fromEnd(1) : today.minusDays(2);
            jdbc.update("update contact_log set follow_up_on = ? where id = ?", Date.valueOf(past), overdue.getId());
            inbox.reschedule(List.of(overdue.getProcessInstanceId()), List.of(ContactFollowUpProcess.TASK),
                    java.util.Date.from(past.atTime(17, 0).atZone(zone).toInstant()));
        }
        return count;
    }
}
