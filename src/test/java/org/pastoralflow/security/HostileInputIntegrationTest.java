package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PngBomb;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile values in every field of every form and API body the route matrix knows, over real HTTP
 * on PostgreSQL: a NUL, a megabyte of text, a right-to-left override, a lone surrogate, an emoji,
 * {@code <script>}, a spreadsheet formula, and for the API a value of the wrong JSON type.
 *
 * <p>The pages come from {@link RouteMatrixIntegrationTest#ROUTES}: each page is opened as a role
 * the table allows (with real records where the table has a placeholder), its {@code <form>}s are
 * read with jsoup, valid values are found for every field (the page's own; a probe with a NUL, which
 * writes nothing, names any that is wrong), and each hostile value goes into each text field with
 * valid values everywhere else; a choice, date, number or hidden id gets the NUL. Task forms are
 * found the same way, one of each kind of open task, round after round as completing one opens the
 * next. The API's fields are its documented bodies and its path variables.
 *
 * <p>Every answer must be below 500. A value refused as text (NUL, 1 MB, the override; the lone
 * surrogate in JSON) must be a 4xx naming the field, with the count of every table's rows unchanged.
 * A value that is only text (emoji, script, formula) must be taken, unless the field's own rule
 * refuses it (a UPN, a year group): it goes in with a NUL in a second field, so the form is not
 * sent each time (a task completed, a record made), and the answer must name that field and not
 * this one. Each form is then sent for real once with those values in every text field: it must succeed.
 */
@PostgresIntegrationTest
class HostileInputIntegrationTest {

    enum Expect { REFUSED, ACCEPTED, EITHER }

    /** A value, and what must happen to it in a page's text field and in a JSON text field. */
    record Hostile(String name, String text, Expect onPage, Expect inJson) {
    }

    /** Stands for the three bytes ED A0 80 (a lone surrogate, which UTF-8 cannot hold) in a page's form. */
    static final String LONE = "ab\uD800cd";

    static final List<Hostile> VALUES = List.of(
            new Hostile("NUL", "Hall\u0000way", Expect.REFUSED, Expect.REFUSED),
            new Hostile("1 MB", "x".repeat(1 << 20), Expect.REFUSED, Expect.REFUSED),
            new Hostile("right-to-left override", "report\u202Egpj.exe", Expect.REFUSED, Expect.REFUSED),
            // a browser never sends these bytes; the container may read them as U+FFFD, or drop the field
            new Hostile("lone surrogate", LONE, Expect.EITHER, Expect.REFUSED),
            new Hostile("emoji", "Upset \uD83D\uDE22 at break", Expect.ACCEPTED, Expect.ACCEPTED),
            new Hostile("<script>", "<script>alert(1)</script>", Expect.ACCEPTED, Expect.ACCEPTED),
            new Hostile("formula", "=HYPERLINK(\"http://x\"&A1)", Expect.ACCEPTED, Expect.ACCEPTED));

    /** Messages of the one normaliser (forms.TextInput): text refused as text, not by a field's own rule. */
    static final List<String> HYGIENE = List.of("control character", "broken character", "not text (", "text-direction control");

    static final String PLAIN = "Plain words";
    static final Set<String> TEXT_TYPES = Set.of("text", "search", "email", "tel", "url", "password", "textarea");
    /** Who opens a task offered to a group: the demo login of that role. */
    static final Map<String, String> USER_OF_GROUP = Map.of("staff", "teacher", "pso", "pso", "hoy", "hoy", "senco", "senco",
            "dsl", "dsl", "pastoral-lead", "lead", "slt", "head", "admin", "admin");

    /** Students no other test names (their UPNs end 170-189): the records this test makes are about them. */
    String upn;
    String otherUpn;
    String sarUpn;
    /** The next student to record as leaving: a student leaves once. */
    java.util.Iterator<String> leavers;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired org.pastoralflow.suspension.Suspensions suspensions;
    @Autowired org.pastoralflow.send.SenRecording senRecording;
    @Autowired org.pastoralflow.agencymeeting.AgencyMeetings agencyMeetings;
    @Autowired org.pastoralflow.workflow.TaskForms taskForms;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.pastoralflow.intervention.GroupRecords groups;
    @Autowired org.pastoralflow.family.ContactImporter contactImporter;
    final ObjectMapper json = new ObjectMapper();

    final Map<String, HttpUser> sessions = new HashMap<>();
    /** Wrong answers, printed as they are found so a long run shows them at once. */
    final List<String> failures = new ArrayList<>() {
        @Override
        public boolean add(String failure) {
            System.out.println("HOSTILE FAILURE: " + failure);
            return super.add(failure);
        }
    };
    final Map<String, Integer> exercised = new TreeMap<>();
    final Set<String> domainRefused = new LinkedHashSet<>();
    final Set<String> formsDone = new LinkedHashSet<>();
    final Set<String> formsSent = new LinkedHashSet<>();
    final List<String> notOpened = new ArrayList<>();
    final List<String> basesNotFound = new ArrayList<>();
    int fieldValues;
    List<String> tables;

    @Test
    void everyFormAndApiFieldRefusesHostileTextAndTakesWhatIsOnlyText() throws Exception {
        tables = jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema() "
                + "and table_type = 'BASE TABLE' and table_name not in ('flyway_schema_history', 'spring_session', "
                + "'spring_session_attributes', 'act_ru_meter_log', 'act_ru_task_meter_log', 'audit_event') order by 1", String.class);
        List<String> ours = jdbc.queryForList("select upn from student where substring(upn, 11, 3) between '170' and '189' "
                + "and year_group between 7 and 10 order by upn", String.class);
        upn = ours.get(0);
        otherUpn = ours.get(1);
        // a subject access request of its own student: the review lists every record held about the child, and the
        // first student gathers hundreds during this test (each a field of the review form)
        sarUpn = ours.get(ours.size() - 1);
        leavers = ours.subList(2, ours.size() - 1).iterator();
        long started = System.nanoTime();
        rememberIds();
        seedASupportPlan();
        seedASuspension();
        seedSendReviews();
        seedAgencyMeetings();
        seedAGroup();
        seedAParent();

        for (String[] row : RouteMatrixIntegrationTest.ROUTES) {
            String route = row[0];
            if (route.startsWith("GET /") && !route.startsWith("GET /api/") && !route.startsWith("GET /camunda/")
                    && !route.startsWith("GET /actuator/") && !route.startsWith("GET /engine-rest/") && !route.startsWith("GET /tasks/")
                    && !route.matches(".*\\.(csv|pdf|zip|json|bpmn)$")) {
                // the SEN pages' forms are the SENCO's alone (POST /send/** is theirs); other readers see none
                List<String> roles = route.startsWith("GET /send") ? List.of("senco") : Routes.allowed(row);
                if (!roles.isEmpty()) {
                    String page = resolve(route.substring(4));
                    if (page != null) {
                        pageForms(page, roles, null);
                    }
                }
            }
        }
        System.out.printf("Hostile input: pages done, %d requests (%d s)%n", fieldValues, (System.nanoTime() - started) / 1_000_000_000L);
        taskForms();
        System.out.printf("Hostile input: task forms done, %d requests (%d s)%n", fieldValues, (System.nanoTime() - started) / 1_000_000_000L);
        apiFields();
        cleanUp();

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("Hostile input: %d fields, %d requests of a field and a value (%d s); %s%n",
                exercised.size(), fieldValues, seconds, surfaces());
        System.out.println("Refused by the field's own rule (not as text): " + domainRefused);
        System.out.println("Forms sent for real with text-only values (" + formsSent.size() + "): " + formsSent);
        System.out.println("Forms whose state refused every value, so not sent for real: " + basesNotFound);
        System.out.println("Pages not opened: " + notOpened);
        assertThat(failures).as("hostile values answered wrongly").isEmpty();
        assertThat(formsDone).as("forms exercised").hasSizeGreaterThan(20);
        assertThat(exercised.size()).as("fields exercised").isGreaterThan(80);
    }

    // ------------------------------------------------------------------ pages

    /** Each form of the page with at least one field: its valid values found, each field with each value, then done once. */
    void pageForms(String page, List<String> roles, String taskKind) throws Exception {
        String role = null;
        HttpResponse<String> got = null;
        for (String r : roles) {
            got = session(r).get(page);
            if (got.statusCode() == 200) {
                role = r;
                break;
            }
        }
        if (role == null) {
            // a redirect (the start page), or a record none of these roles may open (a student not on the list)
            notOpened.add(page + " (" + got.statusCode() + ")");
            return;
        }
        HttpUser user = session(role);
        forget();
        // a form sent for real can use up a record another form of the page acts on (the retention page's
        // "destroy" and "hold" of one review), so the page is read again after each, for the forms not yet done
        boolean sentOne = true;
        while (sentOne) {
            sentOne = false;
            Document doc = Jsoup.parse(got.body(), "http://localhost:" + port + page);
            for (Element f : doc.select("form")) {
                Form form = Form.of(page, f);
                form.kind = taskKind;
                if (!form.fields.isEmpty() && !formsDone.contains(form.key()) && pageForm(user, form, role, taskKind)) {
                    sentOne = true;
                    got = user.get(page);
                    break;
                }
            }
            if (got.statusCode() != 200) {
                return;
            }
        }
    }

    /** One form of a page: each field with each hostile value, then sent for real. Whether it was sent for real. */
    boolean pageForm(HttpUser user, Form form, String role, String taskKind) throws Exception {
        // sign-in is not a form of the application's controllers (Spring Security reads it), and is
        // another branch's work (issue 14, sign-in): a NUL in the username reaches the engine's
        // identity query there and gives a 500 on PostgreSQL (reported, not fixed here)
        if (form.fields.isEmpty() || form.action.equals("/logout") || form.action.equals("/login") || !formsDone.add(form.key())) {
            return false;
        }
        Map<String, List<String>> valid = validValues(user, form);
        Map<String, List<String>> base = valid != null ? valid : form.pageValues();
        for (String field : form.fields.keySet()) {
            String type = form.fields.get(field);
            if (List.of("file", "submit").contains(type) || form.isRepeat(field)) {
                continue;
            }
            for (Hostile h : VALUES) {
                if (form.method.equals("get") && h.name().equals("1 MB")) {
                    continue; // a megabyte does not fit in an address; the container refuses it before the application
                }
                if (!TEXT_TYPES.contains(type) && h != VALUES.get(0)) {
                    continue; // a choice, a date, a number, a hidden id: the NUL only, to show it cannot get in there either
                }
                exercise(user, form, base, field, type, h, role);
            }
        }
        if (form.acceptsImages()) {
            uploadABomb(user, form, base, role);
        }
        if (form.method.equals("post") && valid != null && form.fields.values().stream().anyMatch(TEXT_TYPES::contains)) {
            doneWithTextOnlyValues(user, form, valid, role);
            return true;
        } else if (taskKind != null && form.method.equals("post")) {
            advance(user, form, base);
            return true;
        }
        return false;
    }

    /**
     * A hostile value in one field, everything else valid. A value that is only text goes in with a
     * NUL in a second field, so the form is not sent (a task not completed, a record not made) each
     * time: the answer must name the second field and not this one, unless this one's own rule refuses it.
     */
    void exercise(HttpUser user, Form form, Map<String, List<String>> base, String field, String type, Hostile h, String role) {
        String what = form.key() + " [" + field + "] " + h.name() + " as " + role;
        boolean text = TEXT_TYPES.contains(type);
        Map<String, List<String>> values = form.fresh(base, overrides);
        values.put(field, List.of(h.text()));
        String poisoned = null;
        if (text && h.onPage() != Expect.REFUSED && form.method.equals("post")) {
            poisoned = form.poisonFor(field);
            if (poisoned == null) {
                return;
            }
            values.put(poisoned, List.of("x\u0000"));
        }
        Map<String, Long> before = countsBefore();
        Answer a = form.submit(user, values);
        Map<String, Long> after = countsAfter();
        count(form, field);
        if (a.status >= 500) {
            failures.add(what + ": server error " + a.status);
            return;
        }
        if (a.refused() && !before.equals(after)) {
            failures.add(what + ": refused (" + a.status + ") but rows changed " + changed(before, after));
        }
        if (!text) {
            return; // a NUL in a choice, date or id: no server error, nothing written when refused
        }
        boolean named = a.named.containsKey(field);
        boolean hygiene = named && HYGIENE.stream().anyMatch(a.named.get(field)::contains);
        switch (h.onPage()) {
            case REFUSED -> {
                if (!a.refused() || !named) {
                    failures.add(what + ": expected a 4xx naming the field, got " + a.status + " " + a.named + " " + a.location);
                }
            }
            case ACCEPTED, EITHER -> {
                if (poisoned == null) {
                    // a search box (GET): the page answers, or names the field by its own rule
                    if (hygiene || a.refused() && !named) {
                        failures.add(what + ": not taken: " + a.status + " " + a.named);
                    }
                } else if (!a.named.containsKey(poisoned)) {
                    failures.add(what + ": the NUL in " + poisoned + " was not named (" + a.status + " " + a.named + ")");
                } else if (hygiene && h.onPage() == Expect.ACCEPTED) {
                    failures.add(what + ": refused as text: " + a.named.get(field));
                } else if (named && !hygiene) {
                    domainRefused.add(form.key() + " [" + field + "]");
                }
            }
        }
    }

    /**
     * The form sent for real once, every text field holding the emoji, the script and the formula
     * (except fields whose own rule refused them, which keep their valid value): it must succeed.
     */
    void doneWithTextOnlyValues(HttpUser user, Form form, Map<String, List<String>> base, String role) {
        Map<String, List<String>> values = form.fresh(base, overrides);
        form.fields.forEach((field, type) -> {
            if (TEXT_TYPES.contains(type) && !form.isRepeat(field) && !domainRefused.contains(form.key() + " [" + field + "]")
                    && !form.overridden(field, overrides)) {
                values.put(field, List.of(TEXT_ONLY));
            }
        });
        Answer a = form.submit(user, values);
        forget();
        if (a.refused() || a.status >= 500) {
            failures.add(form.key() + " as " + role + " with text-only values in every text field: " + a.status + " " + a.named);
        } else {
            formsSent.add(form.key());
        }
    }

    /**
     * A task form with no text field (choose the investigator) has nothing to send hostile text in,
     * but is completed, choosing as a person would, so the steps after it are reached.
     */
    void advance(HttpUser user, Form form, Map<String, List<String>> base) {
        Map<String, List<String>> v = new LinkedHashMap<>(base);
        form.fields.forEach((name, type) -> {
            List<String> all = form.options.getOrDefault(name, List.of()).stream().filter(o -> !o.isEmpty()).toList();
            if (List.of("select", "radio").contains(type) && !all.isEmpty() && v.getOrDefault(name, List.of("")).get(0).isEmpty()) {
                v.put(name, List.of(all.get(0)));
            }
        });
        Map<String, Integer> tries = new HashMap<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            Answer a = form.submit(user, v);
            forget();
            if (!a.refused() && a.status < 500) {
                return;
            }
            boolean changed = false;
            for (String field : a.named.keySet()) {
                if (form.fields.containsKey(field) && !form.fields.get(field).equals("hidden")) {
                    changed |= form.tryAnother(field, v, tries.merge(field, 1, Integer::sum));
                }
            }
            if (!changed) {
                break;
            }
        }
        basesNotFound.add(form.key() + " (no text field; not completed)");
    }

    static final String TEXT_ONLY = "Upset \uD83D\uDE22 <script>alert(1)</script> =HYPERLINK(\"http://x\"&A1)";

    /** A form with an image field: a small PNG that decodes to 100 megapixels is refused, naming the field, nothing stored. */
    void uploadABomb(HttpUser user, Form form, Map<String, List<String>> base, String role) throws Exception {
        String field = form.fields.entrySet().stream().filter(e -> e.getValue().equals("file")).findFirst().orElseThrow().getKey();
        byte[] bomb = PngBomb.of(10_000, 10_000);
        Map<String, Long> before = countsBefore();
        Answer a = form.submitWithFile(user, form.fresh(base, overrides), field, "photo.png", "image/png", bomb);
        Map<String, Long> after = countsAfter();
        count(form, field);
        if (!a.refused() || !a.named.containsKey(field) || !a.named.get(field).contains("megapixels") || !before.equals(after)) {
            failures.add(form.key() + " [" + field + "] decompression-bomb PNG (" + bomb.length + " bytes) as " + role + ": "
                    + a.status + " " + a.named + " " + changed(before, after));
        } else {
            System.out.println("Hostile input: " + form.key() + " [" + field + "] refused a PNG of " + bomb.length
                    + " bytes that decodes to 100 megapixels: " + a.named.get(field));
        }
    }

    /**
     * Valid values for every field: the page's own, else a plain one (today, the last option, a
     * ticked box). Then a probe: the form sent with a NUL in one field (refused, so nothing is written)
     * names any other field whose value is wrong; that one is changed and the form probed again.
     * Null when no valid values were found: the form's state refuses it (a register already taken).
     */
    Map<String, List<String>> validValues(HttpUser user, Form form) {
        Map<String, List<String>> v = form.pageValues();
        overrides.forEach((action, fields) -> {
            if (form.action.matches(action)) {
                fields.forEach((name, value) -> {
                    if (form.fields.containsKey(name)) {
                        v.put(name, List.of(value.get()));
                    }
                });
            }
        });
        if (form.method.equals("get")) {
            return v;
        }
        String poison = form.poisonFor(null);
        Map<String, Integer> tries = new HashMap<>();
        for (int round = 0; round < 6 && poison != null; round++) {
            Map<String, List<String>> probe = form.fresh(v, overrides);
            probe.put(poison, List.of("x\u0000"));
            Answer a = form.submit(user, probe);
            forget();
            Map<String, String> wrong = new LinkedHashMap<>(a.named);
            wrong.remove(poison);
            if (wrong.isEmpty() && a.named.containsKey(poison)) {
                return v;
            }
            boolean changed = false;
            for (String field : wrong.keySet()) {
                if (form.fields.containsKey(field) && !form.fields.get(field).equals("hidden")) {
                    changed |= form.tryAnother(field, v, tries.merge(field, 1, Integer::sum));
                }
            }
            if (!changed) {
                basesNotFound.add(form.key() + " " + a.status + " " + wrong);
                return null;
            }
        }
        return poison == null ? v : null; // no text field: nothing to probe with, nor to send for real
    }

    /**
     * Values the page cannot show: students to add to an incident or a mediation and to record as
     * leaving (a different one each time, since a student leaves once), dates in a year no test
     * uses for term dates and closures (so no deadline elsewhere moves), a password twice.
     */
    final Map<String, Map<String, Supplier<String>>> overrides = Map.ofEntries(
            Map.entry("/investigations", Map.of("upn-0", () -> upn, "staffInvolved", () -> "Ms Example")),
            Map.entry("/mediations", Map.of("upn-0", () -> upn, "upn-1", () -> otherUpn)),
            Map.entry("/removals", Map.of("upn", () -> upn, "destination", () -> "Reflection room")), // so the room register has a row to sweep
            // the quick log's students are one checkbox each (upn-0, upn-1, ...): one ticked, as a teacher would
            Map.entry("/behaviour", Map.of("upn-0", () -> upn)),
            Map.entry("/home-visits", Map.of("upn", () -> upn, "visitorPhone", () -> "07700 900123", "secondVisitor", () -> "dsl2")),
            Map.entry("/services(/\\d+)?", Map.of("ageFrom", () -> "11", "ageTo", () -> "16")),
            Map.entry("/interventions/groups/\\d+/members", Map.of("upn", () -> otherUpn)), // the test's student is in the seeded group already
            Map.entry("/leavers", Map.of("upn", () -> leavers.next(), "destinationUrn", () -> "123456")),
            Map.entry("/subject-access", Map.of("upn", () -> sarUpn)),
            Map.entry("/agency-meetings", Map.of("upn", () -> otherUpn)),
            // the meeting form's actions: each row another agency's, due in a year no test uses (a row with a person is refused
            // when the emoji is its name, so the form sent for real keeps the agency)
            Map.entry("/tasks/.*", agencyActionRows()),
            Map.entry("/admin/calendar/(terms|closures)", Map.of("startsOn", () -> "2099-07-01", "endsOn", () -> "2099-07-02")),
            Map.entry("/send/students/.*/ehcp", Map.of("planOn", () -> "2024-09-02", "lastReviewOn", () -> "2025-09-01")),
            Map.entry("/leavers/.*/cp-file.pdf", Map.of("password", () -> "correct horse battery", "passwordAgain", () -> "correct horse battery")),
            // a meeting's invitations: each row's e-mail an address (the example domain), so the form sent for real sends them
            Map.entry("/agency-meetings/[^/]+/invitations", inviteeEmails()));

    static Map<String, Supplier<String>> inviteeEmails() {
        Map<String, Supplier<String>> rows = new HashMap<>();
        for (int i = 1; i <= 6; i++) {
            String address = "invitee" + i + "@example.org";
            rows.put("invitee" + i + "Email", () -> address);
        }
        return rows;
    }

    static Map<String, Supplier<String>> agencyActionRows() {
        Map<String, Supplier<String>> rows = new HashMap<>();
        for (int i = 1; i <= 4; i++) {
            rows.put("action" + i + "Staff", () -> "");
            rows.put("action" + i + "Agency", () -> "Social worker");
            rows.put("action" + i + "Due", () -> "2099-08-01");
        }
        return rows;
    }

    // ------------------------------------------------------------------ tasks

    /** One task of each kind open now, opened as a member of its group; then the kinds their completion opened. */
    void taskForms() throws Exception {
        Set<String> kinds = new LinkedHashSet<>();
        for (int round = 0; round < 8; round++) {
            // the newest of each kind: the demo's oldest records are the ones other tests tend to take
            List<Task> open = tasks.createTaskQuery().active().orderByTaskCreateTime().desc().list();
            boolean any = false;
            for (Task t : open) {
                String kind = t.getProcessDefinitionId().split(":")[0] + "/" + t.getTaskDefinitionKey();
                if (kinds.contains(kind)) {
                    continue;
                }
                String role = whoMayOpen(t);
                if (role == null) {
                    notOpened.add("task " + kind);
                    continue;
                }
                kinds.add(kind);
                any = true;
                pageForms("/tasks/" + t.getId(), List.of(role), kind);
            }
            if (!any) {
                break;
            }
        }
        System.out.println("Task forms: " + kinds);
    }

    String whoMayOpen(Task t) {
        if (t.getAssignee() != null) {
            return USER_OF_GROUP.containsValue(t.getAssignee()) ? t.getAssignee() : null;
        }
        for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
            if (link.getGroupId() != null && USER_OF_GROUP.containsKey(link.getGroupId())) {
                return USER_OF_GROUP.get(link.getGroupId());
            }
            if (link.getUserId() != null && USER_OF_GROUP.containsValue(link.getUserId())) {
                return link.getUserId();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the API

    /** The documented bodies: POST /api/referrals, POST /api/tasks/{id}/complete; and the API's path variables. */
    void apiFields() throws Exception {
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("upn", upn);
        referral.put("category", "welfare");
        referral.put("description", PLAIN);
        referral.put("childWords", PLAIN);
        referral.put("occurredAt", JustNow.dateTime());
        referral.put("location", PLAIN);
        referral.put("immediateRisk", false);
        for (String field : List.copyOf(referral.keySet())) {
            jsonField("/api/referrals", referral, field, null);
        }

        String triage = taskOf(raiseAConcern());
        forget();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decision", "accept");
        decision.put("rationale", PLAIN);
        for (String field : List.of("decision", "rationale")) {
            jsonField("/api/tasks/" + triage + "/complete", decision, field, field.equals("decision") ? "rationale" : "decision");
        }

        for (String path : List.of("/api/referrals/%s", "/api/students/%s/chronology", "/api/tasks/%s/claim")) {
            for (Hostile h : VALUES) {
                if (h.name().equals("1 MB")) {
                    continue;
                }
                String method = path.endsWith("claim") ? "POST" : "GET";
                HttpResponse<String> r = api(method, String.format(path, pathSegment(h.text())), null);
                forget();
                exercised.merge(method + " " + path.replace("%s", "{}") + " [path]", 1, Integer::sum);
                fieldValues++;
                if (r.statusCode() >= 500 || r.statusCode() < 400
                        || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    failures.add(method + " " + path + " with " + h.name() + " in the path: " + r.statusCode() + " "
                            + r.headers().firstValue("Content-Type").orElse("") + " " + abbreviate(r.body()));
                }
            }
        }
    }

    /**
     * Each value in one field of a valid body; then the wrong JSON types. A task is kept open by
     * leaving {@code spoiler} out whenever the value should be accepted.
     */
    void jsonField(String path, Map<String, Object> valid, String field, String spoiler) throws Exception {
        boolean flag = valid.get(field) instanceof Boolean;
        List<Object[]> cases = new ArrayList<>();
        for (Hostile h : VALUES) {
            cases.add(new Object[] {h.name(), h.text(), flag ? Expect.REFUSED : h.inJson()});
        }
        cases.add(new Object[] {"object", Map.of("a", 1), Expect.REFUSED});
        cases.add(new Object[] {"list", flag ? List.of(true) : List.of(PLAIN), Expect.REFUSED});
        cases.add(new Object[] {flag ? "text" : "number", flag ? "true" : 5, Expect.REFUSED});
        cases.add(new Object[] {flag ? "number" : "true or false", flag ? 1 : true, Expect.REFUSED});
        for (Object[] c : cases) {
            Map<String, Object> body = new LinkedHashMap<>(valid);
            body.put(field, c[1]);
            if (spoiler != null && c[2] != Expect.REFUSED) {
                body.remove(spoiler);
            }
            String what = "POST " + path + " [" + field + "] " + c[0];
            Map<String, Long> before = countsBefore();
            HttpResponse<String> r = api("POST", path, body);
            Map<String, Long> after = countsAfter();
            exercised.merge("POST " + path.replaceAll("/[0-9a-f-]{20,}/", "/{id}/") + " [" + field + "]", 1, Integer::sum);
            fieldValues++;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() >= 500) {
                failures.add(what + ": server error " + r.statusCode());
                continue;
            }
            Map<String, Object> errors = r.statusCode() >= 400 && type.startsWith("application/problem+json")
                    ? errorsOf(r.body()) : Map.of();
            if (r.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                failures.add(what + ": " + r.statusCode() + " as " + type + ", not a problem document");
            }
            if (r.statusCode() >= 400 && !before.equals(after)) {
                failures.add(what + ": refused but rows changed " + changed(before, after));
            }
            String message = String.valueOf(errors.get(field));
            boolean hygiene = errors.containsKey(field) && HYGIENE.stream().anyMatch(message::contains);
            if (c[2] == Expect.REFUSED && (r.statusCode() != 400 || !errors.containsKey(field))) {
                failures.add(what + ": expected 400 naming the field, got " + r.statusCode() + " " + abbreviate(r.body()));
            } else if (c[2] == Expect.ACCEPTED && spoiler == null && r.statusCode() >= 400) {
                if (hygiene || !errors.containsKey(field)) {
                    failures.add(what + ": not accepted: " + r.statusCode() + " " + abbreviate(r.body()));
                } else {
                    domainRefused.add(path + " [" + field + "]");
                }
            } else if (c[2] == Expect.ACCEPTED && spoiler != null && (!errors.containsKey(spoiler) || hygiene)) {
                failures.add(what + ": expected only " + spoiler + " named, got " + r.statusCode() + " " + abbreviate(r.body()));
            }
        }
    }

    /** A welfare concern about this test's student, raised through the API (a PSO triages it); its reference. */
    String raiseAConcern() throws Exception {
        HttpResponse<String> r = api("POST", "/api/referrals", Map.of("upn", upn, "category", "welfare",
                "description", "Hostile-input test " + UUID.randomUUID(), "occurredAt", JustNow.dateTime(), "immediateRisk", false));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("reference").asText();
    }

    /** The open task of a referral. */
    String taskOf(String reference) {
        return jdbc.queryForObject("select t.id_ from act_ru_task t join referral r on r.process_instance_id = t.proc_inst_id_ "
                + "where r.reference = ?", String.class, reference);
    }

    /** A support plan for the /plans/{id} page: a welfare concern, accepted at triage, planned; all through the API. */
    void seedASupportPlan() throws Exception {
        String reference = raiseAConcern();
        assertThat(api("POST", "/api/tasks/" + taskOf(reference) + "/complete", Map.of("decision", "accept", "rationale", PLAIN))
                .statusCode()).isEqualTo(204);
        String plan = taskOf(reference);
        HttpResponse<String> done = api("POST", "/api/tasks/" + plan + "/complete", Map.of("goals", PLAIN,
                "interventions", List.of("check-ins"), "measureScale", "self-rating", "measureNote", PLAIN, "baselineScore", 3, "parentInformed", true,
                "parentInformedHow", PLAIN));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    /** A group of the first catalogue entry with the test's student in it, its first session a week ago and its register not taken. */
    void seedAGroup() {
        Viewer lead = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));
        String intervention = jdbc.queryForObject("select min(id) from intervention where active and kind = 'GROUP'", Long.class).toString();
        org.pastoralflow.intervention.InterventionGroup group = groups.create(new org.pastoralflow.forms.FormData(Map.of(
                "intervention", intervention, "name", PLAIN, "staff", PLAIN, "firstSession", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusWeeks(1).toString(),
                "startsAt", "14:00", "sessionCount", "6", "level", "pastoral")), lead);
        groups.addMember(group.getId(), new org.pastoralflow.forms.FormData(Map.of("upn", upn, "source", "hand")), lead);
    }

    /** A suspension of the test's student, so its task forms and pages are swept too (three days: no sixth-day education). */
    void seedASuspension() {
        Long student = jdbc.queryForObject("select id from student where upn = ?", Long.class, upn);
        suspensions.startFromIncident(null, null, org.pastoralflow.security.Confidentiality.PASTORAL, student, 3, PLAIN, "head");
    }

    /**
     * A SEN support review and an EHCP annual review waiting for the SENCO, so their task forms are swept
     * (their timers fired by hand: the job executor is off). Year 10 pupils, from the end of the list.
     */
    void seedSendReviews() {
        org.pastoralflow.security.Viewer senco = new org.pastoralflow.security.Viewer("senco", "Sam", Set.of("staff", "senco"));
        String free = " and year_group = 10 and id not in (select student_id from sen_register union select student_id from ehcp_plan)"
                + " order by upn desc limit 1";
        Long k = jdbc.queryForObject("select id from student where sen_status = 'K'" + free, Long.class);
        senRecording.describe(k, new org.pastoralflow.forms.FormData(Map.of("primaryNeed", "SpLD", "whatHelps", PLAIN)), senco);
        Long e = jdbc.queryForObject("select id from student where ehcp = true" + free, Long.class);
        java.time.LocalDate lastReview = JustNow.at().toLocalDate().minusMonths(11);
        org.pastoralflow.send.EhcpPlan plan = senRecording.recordPlan(e, new org.pastoralflow.forms.FormData(Map.of("localAuthority", PLAIN,
                "planOn", lastReview.minusYears(1).toString(), "lastReviewOn", lastReview.toString())), senco);
        for (String instance : jdbc.queryForList("select process_instance_id from sen_register where student_id = ? union "
                + "select process_instance_id from ehcp_plan where id = ?", String.class, k, plan.getId())) {
            management.createJobQuery().processInstanceId(instance).list().forEach(j -> management.executeJob(j.getId()));
        }
    }

    /**
     * Two meeting series of the first student, each at its meeting's day: the first (safeguarding, so its
     * page is opened by the DSL, its keeper, who sees its forms) recorded with the DSLs' action, an agency's
     * action past its date (the chase task) and one still waiting (the series page's "mark done"); the
     * second left at "record the meeting".
     */
    void seedAgencyMeetings() {
        Viewer dsl = new Viewer("dsl", "Dee Lead", Set.of("staff", "dsl"));
        String today = JustNow.date();
        org.pastoralflow.agencymeeting.MeetingSeries first = agencyMeetings.open(new org.pastoralflow.forms.FormData(Map.of("upn", upn,
                "kind", "early-help", "confidentiality", "SAFEGUARDING", "firstMeetingOn", today)), dsl);
        org.pastoralflow.agencymeeting.MeetingSeries second = agencyMeetings.open(new org.pastoralflow.forms.FormData(Map.of("upn", upn,
                "kind", "pep", "confidentiality", "PASTORAL", "firstMeetingOn", today)), dsl);
        for (var series : List.of(first, second)) {
            management.executeJob(management.createJobQuery().processInstanceId(series.getProcessInstanceId()).singleResult().getId());
        }
        Map<String, String> meeting = new HashMap<>(Map.of("heldOn", today, "invited", PLAIN, "attended", PLAIN, "minutes", PLAIN,
                "nextStep", "next", "nextMeetingOn", "2099-08-01"));
        meeting.putAll(Map.of("action1", PLAIN, "action1Staff", "dsl", "action1Due", "2099-08-01",
                "action2", PLAIN, "action2Agency", PLAIN, "action2Due", today,
                "action3", PLAIN, "action3Agency", PLAIN, "action3Due", "2099-08-01"));
        taskForms.complete(tasks.createTaskQuery().processInstanceId(first.getProcessInstanceId()).singleResult().getId(),
                new org.pastoralflow.forms.FormData(meeting), dsl);
        String pastDate = jdbc.queryForObject("select process_instance_id from agency_action where series_id = ? and due_on = ?",
                String.class, first.getId(), java.time.LocalDate.parse(today));
        management.executeJob(management.createJobQuery().processInstanceId(pastDate).singleResult().getId());
    }

    /**
     * A parent of the test's student the school may write to, so the form sending a letter home is
     * swept (its templates come from the template editor's own sweep, earlier in the route table).
     */
    void seedAParent() throws Exception {
        String csv = "UPN,Contact Surname,Contact Forename,Relationship,Parental Responsibility,Priority,Email,Address Line 1,Town,Postcode\r\n"
                + upn + ",Example,Jo,Mother,Y,1,jo.example@example.org,1 Sample Street,Exampleton,ZX1 1AA\r\n";
        assertThat(contactImporter.importCsv(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "admin").accepted())
                .isTrue();
    }

    HttpResponse<String> api(String method, String path, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("pso:demo".getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = json.writeValueAsString(replaceLone(body)).replace("LONE-SURROGATE", "\\ud800");
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Jackson will not write a lone surrogate; it goes in as the JSON escape {@code \ud800} instead. */
    static Map<String, Object> replaceLone(Map<String, Object> body) {
        Map<String, Object> out = new LinkedHashMap<>();
        body.forEach((k, v) -> out.put(k, v instanceof String s ? s.replace("\uD800", "LONE-SURROGATE") : v));
        return out;
    }

    Map<String, Object> errorsOf(String body) throws Exception {
        Map<String, Object> problem = json.readValue(body, new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> errors = (Map<String, Object>) problem.getOrDefault("errors", Map.of());
        return errors;
    }

    // ------------------------------------------------------------------ helpers

    /** The page for a route of the table, with real records where the table has placeholders; null when there is none. */
    String resolve(String route) {
        Long student = jdbc.queryForObject("select id from student where upn = ?", Long.class, upn);
        String page = route
                .replace("/send/students/{id}", "/send/students/" + first("select id from student where ehcp = true and year_group = 9 "
                        + "and id not in (select student_id from ehcp_plan) order by upn desc"))
                .replace("/students/{id}", "/students/" + student)
                .replace("/early-intervention/{id}", "/early-intervention/" + student)
                .replace("/subject-access/{id}", "/subject-access/" + student)
                .replace("/plans/{id}", "/plans/" + first("select id from support_plan where closed_on is null and student_id = " + student
                        + " order by id desc"))
                .replace("/interventions/groups/{id}", "/interventions/groups/" + first("select g.id from intervention_group g join intervention_member m "
                        + "on m.group_id = g.id where m.student_id = " + student + " order by g.id desc"))
                .replace("/sessions/{number}", "/sessions/1")
                .replace("/provision-map/students/{id}", "/provision-map/students/" + student)
                .replace("/chronology/{id}", "/chronology/" + first("select id from chronology_entry where confidentiality = 'pastoral' "
                        + "and student_id = " + student + " order by id desc"))
                .replace("/transition/schools/{urn}", "/transition/schools/" + first("select urn from feeder_school order by urn desc"))
                .replace("/transition/{reference}", "/transition/" + first("select reference from transition order by id desc"))
                .replace("/leavers/{reference}", "/leavers/" + first("select reference from leaver order by id desc"))
                .replace("/referrals/{reference}", "/referrals/" + first("select reference from referral order by id desc"))
                .replace("/investigations/{reference}", "/investigations/" + first("select reference from incident order by id desc"))
                .replace("/mediations/{reference}", "/mediations/" + first("select reference from mediation order by id desc"))
                .replace("/suspensions/{reference}", "/suspensions/" + first("select reference from suspension order by id desc"))
                .replace("/agency-meetings/{reference}", "/agency-meetings/" + first("select reference from agency_meeting_series "
                        + "where closed_at is null and student_id = " + student + " order by id"))
                .replace("/report-cards/{reference}", "/report-cards/" + first("select reference from report_card where closed_at is null "
                        + "and student_id = " + student + " order by id desc"));
        if (page.equals("/referrals/new")) {
            page = "/referrals/new?student=" + student; // the concern form, after "find the student"
        }
        if (page.equals("/report-cards/new")) {
            page = "/report-cards/new?student=" + student; // the card's form, after "find the student"
        }
        if (page.equals("/behaviour/new")) {
            page = "/behaviour/new?group=" + first("select reg_group from student where id = " + student); // after "show students"
        }
        page = page.replace("/behaviour/logs/{reference}", "/behaviour/logs/" + first("select batch from behaviour_log order by id desc"));
        return page.contains("{") || page.contains("null") ? null : page;
    }

    String first(String sql) {
        List<String> found = jdbc.queryForList(sql + " limit 1", String.class);
        return found.isEmpty() ? "null" : found.get(0);
    }

    /**
     * The counts before a request: those counted after the one before, when nothing else was sent in
     * between (counting every table takes a while; the job executor is off, so nothing else writes).
     */
    Map<String, Long> countsBefore() {
        return known != null ? known : rows();
    }

    Map<String, Long> countsAfter() {
        known = rows();
        return known;
    }

    /** Something was sent that may have written: count afresh before the next request. */
    void forget() {
        known = null;
    }

    Map<String, Long> known;

    /** The rows of every table of the application and the engine (audit rows of views excepted: showing a form again reads). */
    Map<String, Long> rows() {
        StringBuilder sql = new StringBuilder("select 'audit_event' t, count(*) n from audit_event where action <> 'VIEW'");
        for (String t : tables) {
            sql.append(" union all select '").append(t).append("', count(*) from ").append(t);
        }
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql.toString(), rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    static Map<String, String> changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> diff = new TreeMap<>();
        after.forEach((t, n) -> {
            if (!n.equals(before.get(t))) {
                diff.put(t, before.get(t) + " -> " + n);
            }
        });
        return diff;
    }

    void count(Form form, String field) {
        exercised.merge(form.key() + " [" + field + "]", 1, Integer::sum);
        fieldValues++;
    }

    /** Fields and requests by surface, and how many fields had every value (text) or the NUL only. */
    String surfaces() {
        Map<String, int[]> by = new TreeMap<>();
        exercised.forEach((k, n) -> {
            int[] c = by.computeIfAbsent(k.contains(" /api/") ? "API" : k.contains("/tasks/") ? "task forms" : "page forms",
                    x -> new int[3]);
            c[0]++;
            c[1] += n;
            c[2] += n == 1 ? 1 : 0;
        });
        StringBuilder out = new StringBuilder();
        by.forEach((surface, c) -> out.append(out.isEmpty() ? "" : "; ").append(surface).append(": ").append(c[0])
                .append(" fields (").append(c[0] - c[2]).append(" with every value, ").append(c[2]).append(" with one), ")
                .append(c[1]).append(" requests"));
        return out.toString();
    }

    /**
     * Term dates, closures and duty-rota slots this test added go again (by their own delete forms),
     * so no other test's deadlines or on-call duty see them.
     */
    void cleanUp() {
        // the settings page's forms are sent for real too (a version put back): the settings in force before go back
        schoolSettings.putBack(settingsVersion, new org.pastoralflow.forms.FormData(Map.of("reason", "HostileInputIntegrationTest puts the settings back")),
                new org.pastoralflow.security.Viewer("dsl", "Dee", Set.of("staff", "dsl", "pastoral-lead")));
        HttpUser admin = session("admin");
        for (String page : List.of("/admin/calendar", "/oncall/rota")) {
            for (Element f : Jsoup.parse(admin.get(page).body()).select("form[action~=/delete$]")) {
                java.util.regex.Matcher id = java.util.regex.Pattern.compile("/(\\d+)/delete$").matcher(f.attr("action"));
                String table = f.attr("action").contains("/terms/") ? "school_term"
                        : f.attr("action").contains("/closures/") ? "school_closure" : "duty_rota";
                if (id.find() && Long.parseLong(id.group(1)) > keptIds.getOrDefault(table, Long.MAX_VALUE)) {
                    admin.post(f.attr("action"), Map.of());
                }
            }
        }
    }

    /** The highest id of each table whose new rows the clean-up removes, as it was before the test. */
    final Map<String, Long> keptIds = new HashMap<>();

    @Autowired org.pastoralflow.settings.SchoolSettings schoolSettings;
    int settingsVersion;

    void rememberIds() {
        settingsVersion = schoolSettings.version();
        for (String table : List.of("school_term", "school_closure", "duty_rota")) {
            keptIds.put(table, jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class));
        }
    }

    static String pathSegment(String text) {
        return text.equals(LONE) ? "ab%ED%A0%80cd" : URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    HttpUser session(String role) {
        return sessions.computeIfAbsent(role, r -> HttpUser.signedIn(port, r));
    }

    /** What came back: the status, where it sends, and the fields it names with their messages. */
    record Answer(int status, String location, Map<String, String> named) {
        boolean refused() {
            return status >= 400 && status < 500 || location.contains("error");
        }
    }

    /** A {@code <form>} as the page has it: its fields by name and type, the values the page gives them. */
    static final class Form {
        final String page;
        String action;
        String method;
        boolean multipart;
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> given = new HashMap<>();
        final Map<String, List<String>> options = new HashMap<>();
        final Map<String, List<String>> checked = new HashMap<>();
        String submitName;
        String submitValue;
        String csrf;
        /** For a task form, its process and task ("referral/Task_PsoTriage"): every task posts to /tasks/{id}. */
        String kind;

        final Set<String> imageFields = new LinkedHashSet<>();

        boolean acceptsImages() {
            return !imageFields.isEmpty();
        }

        /** The second and later rows of a repeated field (upn-1, attended-42): the first row stands for them. */
        boolean isRepeat(String field) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*)-(\\d+)$").matcher(field);
            if (!m.matches()) {
                return false;
            }
            return !fields.keySet().stream().filter(f -> f.matches(java.util.regex.Pattern.quote(m.group(1)) + "-\\d+"))
                    .findFirst().orElse(field).equals(field);
        }

        /**
         * The text field that carries a NUL to keep the form from being sent, other than this one; null
         * when there is none (a choice or a date may be read without FormData and a NUL there ignored).
         */
        String poisonFor(String field) {
            return fields.keySet().stream().filter(f -> !f.equals(field) && !isRepeat(f) && TEXT_TYPES.contains(fields.get(f)))
                    .findFirst().orElse(null);
        }

        /** The valid values, with the values the page cannot show made again for this post (a new leaver each time). */
        /** Whether the test gives this field a value of its own (a student's UPN), which stays in the form sent for real. */
        boolean overridden(String field, Map<String, Map<String, Supplier<String>>> overrides) {
            return overrides.entrySet().stream().anyMatch(o -> action.matches(o.getKey()) && o.getValue().containsKey(field));
        }

        Map<String, List<String>> fresh(Map<String, List<String>> base, Map<String, Map<String, Supplier<String>>> overrides) {
            Map<String, List<String>> v = new LinkedHashMap<>(base);
            overrides.forEach((pattern, byField) -> {
                if (action.matches(pattern)) {
                    byField.forEach((name, value) -> {
                        if (fields.containsKey(name) && base.containsKey(name)) {
                            v.put(name, List.of(value.get()));
                        }
                    });
                }
            });
            return v;
        }

        /** The page's values, or a plain valid one: the last option, a ticked box of a list, today. */
        Map<String, List<String>> pageValues() {
            Map<String, List<String>> v = new LinkedHashMap<>();
            fields.forEach((name, type) -> {
                String given = this.given.get(name);
                boolean has = given != null && !given.isEmpty();
                switch (type) {
                    case "file", "submit" -> { }
                    case "checkbox" -> {
                        List<String> ticked = checked.getOrDefault(name, List.of());
                        List<String> all = options.getOrDefault(name, List.of());
                        if (!ticked.isEmpty()) {
                            v.put(name, ticked);
                        } else if (all.size() > 1) {
                            v.put(name, List.of(all.get(all.size() - 1)));
                        }
                    }
                    // as a browser sends them: the chosen option, else a list's first ("Choose…"); an unchosen radio not at all
                    case "select" -> {
                        List<String> chosen = checked.getOrDefault(name, List.of());
                        List<String> all = options.getOrDefault(name, List.of());
                        v.put(name, !chosen.isEmpty() ? chosen : all.isEmpty() ? List.of("") : List.of(all.get(0)));
                    }
                    case "radio" -> {
                        List<String> chosen = checked.getOrDefault(name, List.of());
                        if (!chosen.isEmpty()) {
                            v.put(name, chosen);
                        }
                    }
                    case "date" -> v.put(name, List.of(has ? given : JustNow.date()));
                    case "time" -> v.put(name, List.of(has ? given : "09:00"));
                    case "datetime-local" -> v.put(name, List.of(has ? given : JustNow.dateTime()));
                    case "number" -> v.put(name, List.of(has ? given : "1"));
                    case "hidden" -> v.put(name, List.of(given == null ? "" : given));
                    default -> v.put(name, List.of(has ? given : ""));
                }
            });
            return v;
        }

        /** Another valid-looking value for a field the probe named; false when there is none left to try. */
        boolean tryAnother(String field, Map<String, List<String>> v, int attempt) {
            String type = fields.get(field);
            List<String> all = options.getOrDefault(field, List.of()).stream().filter(o -> !o.isEmpty()).toList();
            List<String> candidates = switch (type) {
                case "checkbox", "radio", "select" -> all;
                case "date" -> List.of(JustNow.date(), java.time.LocalDate.now().minusDays(7).toString(),
                        java.time.LocalDate.now().plusDays(7).toString());
                case "time" -> List.of("09:00", "13:30");
                case "datetime-local" -> List.of(JustNow.dateTime(), java.time.LocalDateTime.now().minusDays(1)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
                case "number" -> List.of("1", "0", "5");
                default -> List.of(PLAIN, "1", JustNow.date(), "09:00");
            };
            if (attempt > candidates.size()) {
                return false;
            }
            v.put(field, List.of(candidates.get(attempt - 1)));
            return true;
        }

        String key() {
            return method.toUpperCase() + " " + action.replaceAll("/[0-9a-f-]{6,}|/[A-Z]{1,3}\\d{2}-\\d+|/\\d+", "/{id}")
                    + (kind == null ? "" : " (" + kind + ")");
        }

        Form(String page) {
            this.page = page;
        }

        static Form of(String page, Element f) {
            Form form = new Form(page);
            form.action = URI.create(f.absUrl("action").isEmpty() ? "http://localhost" + page : f.absUrl("action")).getRawPath();
            form.method = f.attr("method").isEmpty() ? "get" : f.attr("method").toLowerCase();
            form.multipart = f.attr("enctype").equalsIgnoreCase("multipart/form-data");
            for (Element e : f.select("input[name], textarea[name], select[name], button[name]")) {
                String name = e.attr("name");
                String type = switch (e.tagName()) {
                    case "textarea" -> "textarea";
                    case "select" -> "select";
                    case "button" -> "submit";
                    default -> e.attr("type").isEmpty() ? "text" : e.attr("type").toLowerCase();
                };
                if (name.equals("_csrf")) {
                    form.csrf = e.attr("value");
                    continue;
                }
                if (type.equals("file") && e.attr("accept").contains("image/png")) {
                    form.imageFields.add(name);
                }
                if (type.equals("submit")) {
                    form.submitName = name;
                    form.submitValue = e.attr("value");
                    continue;
                }
                form.fields.putIfAbsent(name, type);
                switch (type) {
                    case "textarea" -> form.given.put(name, e.text());
                    case "select" -> {
                        form.options.put(name, e.select("option").eachAttr("value"));
                        Element selected = e.selectFirst("option[selected]");
                        if (selected != null) {
                            form.checked.put(name, List.of(selected.attr("value")));
                        }
                    }
                    case "radio", "checkbox" -> {
                        form.options.computeIfAbsent(name, k -> new ArrayList<>()).add(e.attr("value"));
                        if (e.hasAttr("checked")) {
                            form.checked.computeIfAbsent(name, k -> new ArrayList<>()).add(e.attr("value"));
                        }
                    }
                    default -> form.given.put(name, e.attr("value"));
                }
            }
            return form;
        }

        Answer submit(HttpUser user, Map<String, List<String>> values) {
            return submitWithFile(user, values, null, null, null, null);
        }

        Answer submitWithFile(HttpUser user, Map<String, List<String>> values, String fileField, String fileName,
                              String fileType, byte[] file) {
            Map<String, List<String>> all = new LinkedHashMap<>(values);
            if (csrf != null) {
                all.put("_csrf", List.of(csrf));
            }
            if (submitName != null) {
                all.put(submitName, List.of(submitValue));
            }
            HttpResponse<String> r;
            if (method.equals("get")) {
                StringBuilder query = new StringBuilder();
                all.forEach((k, vs) -> vs.forEach(v -> query.append(query.isEmpty() ? "?" : "&").append(urlEncode(k)).append('=')
                        .append(urlEncode(v))));
                r = user.get(action + query);
            } else if (multipart || file != null) {
                String boundary = "----hostile" + UUID.randomUUID();
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                all.forEach((k, vs) -> vs.forEach(v -> {
                    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    body.writeBytes(bytes(v));
                    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
                }));
                if (file != null) {
                    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                            + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    body.writeBytes(file);
                    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
                }
                body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                r = user.postBody(action, "multipart/form-data; boundary=" + boundary, body.toByteArray());
            } else {
                StringBuilder form = new StringBuilder();
                all.forEach((k, vs) -> vs.forEach(v -> form.append(form.isEmpty() ? "" : "&").append(urlEncode(k)).append('=')
                        .append(urlEncode(v))));
                r = user.postBody(action, "application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.US_ASCII));
            }
            return answer(r);
        }

        static Answer answer(HttpResponse<String> r) {
            Map<String, String> named = new LinkedHashMap<>();
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/html")) {
                Document doc = Jsoup.parse(r.body());
                for (Element e : doc.select("[id$=-error]")) {
                    named.put(e.id().substring(0, e.id().length() - "-error".length()), e.text());
                }
                for (Element a : doc.select(".error-summary a[href^=#]")) {
                    named.putIfAbsent(a.attr("href").substring(1), a.text());
                }
                // a field whose input points at an error beside it
                for (Element input : doc.select("[name][aria-describedby]")) {
                    for (String id : input.attr("aria-describedby").split("\\s+")) {
                        Element error = id.endsWith("-error") ? doc.getElementById(id) : null;
                        if (error != null) {
                            named.putIfAbsent(input.attr("name"), error.text());
                        }
                    }
                }
                // the error page of a parameter names it in quotes: The value of "q" contains ...
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("The value of \"([^\"]+)\" (.*)").matcher(doc.text());
                if (m.find()) {
                    named.putIfAbsent(m.group(1), m.group(2));
                }
            }
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(""), named);
        }

        /** UTF-8, except that a lone surrogate is written as the three bytes UTF-8 forbids for it. */
        static byte[] bytes(String s) {
            if (!s.equals(LONE)) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            return new byte[] {'a', 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'c', 'd'};
        }

        static String urlEncode(String s) {
            if (!s.equals(LONE)) {
                return URLEncoder.encode(s, StandardCharsets.UTF_8);
            }
            return "ab%ED%A0%80cd";
        }
    }

    /** The roles the table lets use a route. */
    static final class Routes {
        static List<String> allowed(String[] row) {
            List<String> roles = new ArrayList<>();
            for (int i = 1; i < RouteMatrixIntegrationTest.ROLES.size(); i++) {
                if (!List.of("L", "F", "U").contains(row[i + 1])) {
                    roles.add(RouteMatrixIntegrationTest.ROLES.get(i));
                }
            }
            return roles;
        }
    }
}
