package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, the Camunda webapps and the actuator, called over real HTTP as
 * every role and as nobody, checked against one table. The table must name every route the
 * application maps, so a new route cannot ship without a decision about who may call it.
 *
 * <p>Answers: A = 200; R = reached the handler (a redirect, a validation answer or a problem
 * report, never a server error); N = 404 (nothing there for this caller); F = 403; L = sent to
 * the login page; U = 401 (API). Path ids are ones that do not exist, so no call writes anything.
 * A POST from nobody is refused (F) before sign-in is asked for: it cannot carry a CSRF token.
 */
@PostgresIntegrationTest
class RouteMatrixIntegrationTest {

    static final List<String> ROLES = List.of("anonymous", "teacher", "pso", "hoy", "senco", "dsl", "lead", "head", "admin");

    /** method and route, then the answer for each role in the order of {@link #ROLES}. */
    static final String[][] ROUTES = {
            //                                              anon teach pso  hoy  senco dsl lead head admin
            {"GET /",                                       "L", "R", "R", "R", "R", "R", "R", "R", "R"},
            {"GET /login",                                  "A", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"GET /inbox",                                  "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"GET /tasks/{id}",                             "L", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"POST /tasks/{id}",                            "F", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"POST /tasks/{id}/claim",                      "F", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"POST /tasks/{id}/unclaim",                    "F", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"GET /referrals/new",                          "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"POST /referrals",                             "F", "R", "R", "R", "R", "R", "R", "R", "R"},
            {"GET /referrals/mine",                         "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"GET /referrals/{reference}",                  "L", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"GET /students",                               "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /students/{id}",                          "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /dashboards",                             "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /dashboards/{name}.csv",                  "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /students/{id}/processes/{processInstanceId}/model.bpmn", "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /early-intervention",                     "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /early-intervention/{id}/concern",        "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /reports/data-pack",                      "L", "F", "F", "F", "F", "A", "A", "A", "F"},
            {"GET /reports/data-pack.pdf",                  "L", "F", "F", "F", "F", "R", "R", "R", "F"},
            {"GET /reports/data-pack.csv",                  "L", "F", "F", "F", "F", "R", "R", "R", "F"},
            {"GET /subject-access",                         "L", "F", "F", "F", "F", "A", "F", "A", "A"},
            {"GET /subject-access/new",                     "L", "F", "F", "F", "F", "A", "F", "F", "A"},
            {"POST /subject-access",                        "F", "F", "F", "F", "F", "R", "F", "F", "R"},
            {"GET /subject-access/{reference}",             "L", "F", "F", "F", "F", "N", "F", "F", "F"},
            {"POST /subject-access/{reference}/extension",  "F", "F", "F", "F", "F", "N", "F", "F", "F"},
            {"GET /subject-access/{reference}/export.zip",  "L", "F", "F", "F", "F", "N", "F", "F", "F"},
            {"POST /records/{type}/{id}/shares",            "F", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"POST /records/{type}/{id}/shares/{shareId}/revoke", "F", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"GET /chronology/{id}",                        "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /chronology/{id}/corrections",           "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /plans/{id}",                             "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /plans/{id}/sessions",                   "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /oncall/new",                             "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"POST /oncall",                                "F", "R", "R", "R", "R", "R", "R", "R", "R"},
            {"GET /oncall",                                 "L", "F", "A", "F", "F", "A", "A", "A", "F"},
            {"GET /oncall/calls.json",                      "L", "F", "A", "F", "F", "A", "A", "A", "F"},
            {"POST /oncall/{reference}/claim",              "F", "F", "R", "F", "F", "R", "R", "R", "F"},
            {"GET /removals/new",                           "L", "A", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /removals",                              "F", "R", "R", "R", "R", "R", "R", "R", "F"},
            {"GET /removals/room",                          "L", "F", "A", "A", "F", "F", "A", "A", "F"},
            {"GET /send",                                   "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /send/transfer-reviews",                 "F", "F", "F", "F", "R", "F", "F", "F", "F"},
            {"GET /send/students/{id}",                     "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /send/students/{id}/needs",              "F", "F", "F", "F", "N", "F", "F", "F", "F"},
            {"POST /send/students/{id}/ehcp",               "F", "F", "F", "F", "N", "F", "F", "F", "F"},
            {"POST /removals/{id}/register",                "F", "F", "N", "N", "F", "F", "N", "N", "F"},
            {"GET /home-visits",                            "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /home-visits/new",                        "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /home-visits",                           "F", "F", "R", "R", "R", "R", "R", "R", "F"},
            {"GET /home-visits/{reference}",                "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /services",                               "L", "A", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /services/new",                           "L", "F", "F", "F", "F", "F", "A", "F", "F"},
            {"POST /services",                              "F", "F", "F", "F", "F", "F", "R", "F", "F"},
            {"GET /services/{id}/edit",                     "L", "F", "F", "F", "F", "F", "N", "F", "F"},
            {"POST /services/{id}",                         "F", "F", "F", "F", "F", "F", "N", "F", "F"},
            // interventions (issue 17): SLT read the groups and the map but run no group; only the Pastoral Lead and SENCO keep the catalogue
            {"GET /interventions",                          "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /interventions/catalogue",                "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /interventions/catalogue/edit",           "L", "F", "N", "N", "A", "N", "A", "N", "F"},
            {"POST /interventions/catalogue",               "F", "F", "N", "N", "R", "N", "R", "N", "F"},
            {"GET /interventions/groups/new",               "L", "F", "A", "A", "A", "A", "A", "N", "F"},
            {"POST /interventions/groups",                  "F", "F", "R", "R", "R", "R", "R", "N", "F"},
            {"GET /interventions/groups/{id}",              "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /interventions/groups/{id}/members",     "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /interventions/groups/{id}/scores",      "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /interventions/groups/{id}/sessions/{number}", "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /interventions/groups/{id}/sessions/{number}", "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /provision-map",                          "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /provision-map.csv",                      "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /provision-map.pdf",                      "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /provision-map/students/{id}",            "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /oncall/rota",                            "L", "F", "F", "F", "F", "F", "A", "F", "A"},
            {"POST /oncall/rota",                           "F", "F", "F", "F", "F", "F", "R", "F", "R"},
            {"POST /oncall/rota/{id}/delete",               "F", "F", "F", "F", "F", "F", "R", "F", "R"},
            {"GET /attendance/import",                      "L", "F", "F", "F", "F", "F", "A", "F", "A"},
            {"POST /attendance/import",                     "F", "F", "F", "F", "F", "F", "R", "F", "R"},
            {"GET /admin",                                  "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"GET /admin/calendar",                         "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"POST /admin/calendar/terms",                  "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"POST /admin/calendar/closures",               "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"POST /admin/calendar/terms/{id}/delete",      "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"POST /admin/calendar/closures/{id}/delete",   "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"GET /admin/staff",                            "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"GET /admin/staff/{userId}",                   "L", "F", "F", "F", "F", "F", "F", "F", "N"},
            {"POST /admin/staff/{userId}/groups",           "F", "F", "F", "F", "F", "F", "F", "F", "N"},
            {"POST /admin/staff/{userId}/dsl",              "F", "F", "F", "F", "F", "F", "F", "F", "N"},
            {"POST /admin/staff/{userId}/unlock",           "F", "F", "F", "F", "F", "F", "F", "F", "N"},
            {"GET /dsl-group",                              "L", "F", "F", "F", "F", "A", "F", "F", "F"},
            {"POST /dsl-group/{id}/confirm",                "F", "F", "F", "F", "F", "N", "F", "F", "F"},
            {"POST /dsl-group/{id}/refuse",                 "F", "F", "F", "F", "F", "N", "F", "F", "F"},
            {"GET /admin/year-groups",                      "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"POST /admin/year-groups",                     "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"GET /admin/students/import",                  "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"POST /admin/students/import",                 "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"GET /admin/contacts/import",                  "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"POST /admin/contacts/import",                 "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"GET /students/{id}/contacts/new",             "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /students/{id}/contacts",                "F", "F", "R", "R", "R", "R", "R", "R", "F"},
            {"GET /family/follow-ups",                      "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /letters/templates",                      "L", "F", "F", "F", "F", "F", "A", "F", "F"},
            {"GET /letters/templates/new",                  "L", "F", "F", "F", "F", "F", "A", "F", "F"},
            {"POST /letters/templates",                     "F", "F", "F", "F", "F", "F", "R", "F", "F"},
            {"GET /letters/templates/{id}",                 "L", "F", "F", "F", "F", "F", "N", "F", "F"},
            {"POST /letters/templates/{id}",                "F", "F", "F", "F", "F", "F", "N", "F", "F"},
            {"GET /students/{id}/letters/new",              "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /students/{id}/letters",                 "F", "F", "R", "R", "R", "R", "R", "R", "F"},
            {"GET /letters/{reference}",                    "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /letters/{reference}/letter.pdf",         "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /retention",                              "L", "F", "F", "F", "F", "A", "F", "F", "F"},
            {"POST /retention/review",                      "F", "F", "F", "F", "F", "R", "F", "F", "F"},
            {"POST /retention/{id}/destroy",                "F", "F", "F", "F", "F", "N", "F", "F", "F"},
            {"POST /retention/{id}/hold",                   "F", "F", "F", "F", "F", "N", "F", "F", "F"},
            {"GET /admin/incidents",                        "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"POST /admin/incidents/{id}/retry",            "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"GET /investigations/new",                     "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"POST /investigations",                        "F", "R", "R", "R", "R", "R", "R", "R", "R"},
            {"GET /investigations/mine",                    "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"GET /investigations",                         "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /investigations/{reference}",             "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /investigations/{reference}/report.pdf",  "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /investigations/{reference}/attachments/{id}", "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /investigations/tasks/{id}",             "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /behaviour/new",                          "L", "A", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /behaviour",                             "F", "R", "R", "R", "R", "R", "R", "R", "F"},
            {"GET /behaviour/logs/{reference}",             "L", "N", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /behaviour/logs/{reference}/investigation", "F", "N", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /behaviour/celebration",                  "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /behaviour/celebration.csv",              "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /behaviour/milestones/{id}/certificate.pdf", "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /mediations",                             "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /mediations/new",                         "L", "F", "A", "A", "F", "A", "A", "F", "F"},
            {"POST /mediations",                            "F", "F", "R", "R", "F", "R", "R", "F", "F"},
            {"GET /mediations/{reference}",                 "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /suspensions",                            "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /suspensions/{reference}",                "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /suspensions/{reference}/notice.pdf",     "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /report-cards",                           "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /report-cards/new",                       "L", "F", "A", "A", "F", "F", "A", "A", "F"},
            {"POST /report-cards",                          "F", "F", "R", "R", "F", "F", "R", "R", "F"},
            {"GET /report-cards/today",                     "L", "A", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /report-cards/{reference}",               "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /report-cards/{reference}/card.pdf",      "L", "N", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /report-cards/{reference}/summary.pdf",   "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /report-cards/{reference}/cancel",       "F", "F", "N", "N", "F", "F", "N", "N", "F"},
            {"POST /report-cards/{reference}/scores",       "F", "N", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /agency-meetings",                        "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /agency-meetings/new",                    "L", "F", "F", "F", "F", "A", "F", "F", "F"},
            {"POST /agency-meetings",                       "F", "F", "F", "F", "F", "R", "F", "F", "F"},
            {"GET /agency-meetings/{reference}",            "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /agency-meetings/{reference}/close",     "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /agency-meetings/{reference}/actions/{action}/done", "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /transition",                             "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /transition/board.csv",                   "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /transition/cohort",                     "F", "F", "F", "F", "F", "F", "R", "F", "R"},
            {"GET /transition/import",                      "L", "F", "F", "F", "F", "F", "A", "F", "A"},
            {"POST /transition/import",                     "F", "F", "F", "F", "F", "F", "R", "F", "R"},
            {"GET /transition/register",                    "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /transition/register",                   "F", "F", "R", "R", "R", "R", "R", "R", "F"},
            {"GET /transition/schools",                     "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"GET /transition/schools/{urn}",               "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /transition/schools/{urn}/contacts",     "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /transition/{reference}",                 "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"GET /transition/{reference}/booklet.pdf",     "L", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /transition/{reference}/concerns",       "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /transition/{reference}/days",           "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /transition/{reference}/tutor-group",    "F", "F", "F", "N", "F", "F", "N", "F", "F"},
            {"GET /leavers/new",                            "L", "F", "F", "A", "F", "A", "A", "F", "A"},
            {"POST /leavers",                               "F", "F", "F", "R", "F", "R", "R", "F", "R"},
            {"POST /leavers/year11",                        "F", "F", "F", "R", "F", "R", "R", "F", "R"},
            {"GET /leavers",                                "L", "F", "F", "F", "F", "A", "F", "F", "F"},
            {"GET /leavers/{reference}",                    "L", "F", "F", "F", "F", "N", "F", "F", "F"},
            {"POST /leavers/{reference}/cp-file.pdf",       "F", "F", "F", "F", "F", "N", "F", "F", "F"},
            // the decision table editor (issue 18 part 2): the Pastoral Lead and the DSL; administrators change no routing
            {"GET /workflows/tables/{decisionKey}/edit",    "L", "F", "F", "F", "F", "N", "N", "F", "F"},
            {"POST /workflows/tables/{decisionKey}/edit",   "F", "F", "F", "F", "F", "N", "N", "F", "F"},
            // JSON API: HTTP basic, no session, no CSRF
            {"GET /api/tasks",                              "U", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"POST /api/tasks/{id}/claim",                  "U", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"POST /api/tasks/{id}/complete",               "U", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"POST /api/referrals",                         "U", "R", "R", "R", "R", "R", "R", "R", "R"},
            {"GET /api/referrals/{reference}",              "U", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"GET /api/students/{upn}/chronology",          "U", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"POST /api/students/import",                   "U", "F", "F", "F", "F", "F", "F", "F", "R"},
            // not the application's own handlers
            {"GET /camunda/app/cockpit/default/",           "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"GET /camunda/app/admin/default/",             "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"GET /camunda/app/tasklist/default/",          "L", "F", "F", "F", "F", "F", "F", "F", "F"},
            {"GET /camunda/api/engine/engine/default/task", "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"GET /camunda/api/engine/engine/default/process-instance", "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"GET /camunda/api/engine/engine/default/variable-instance", "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"POST /camunda/api/engine/engine/default/deployment/create", "L", "F", "F", "F", "F", "F", "F", "F", "F"},
            {"POST /camunda/api/admin/setup/default/user/create", "L", "F", "F", "F", "F", "F", "F", "F", "F"},
            {"GET /engine-rest/task",                       "L", "N", "N", "N", "N", "N", "N", "N", "N"},
            {"GET /actuator/health",                        "A", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"GET /actuator/metrics",                       "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"GET /actuator/env",                           "L", "F", "F", "F", "F", "F", "F", "F", "N"},
            // the Workflows page (issue 18): the Pastoral Lead, the DSL and administrators; models and counts, no case content
            {"GET /workflows",                              "L", "F", "F", "F", "F", "A", "A", "F", "A"},
            {"GET /workflows/{key}",                        "L", "F", "F", "F", "F", "N", "N", "F", "N"},
            {"GET /workflows/{key}/versions/{definitionId}/file", "L", "F", "F", "F", "F", "N", "N", "F", "N"},
            {"GET /workflows/{key}/versions/{definitionId}/model.bpmn", "L", "F", "F", "F", "F", "N", "N", "F", "N"},
            // a model changed in the Modeler, an earlier one put back, running cases moved: administrators only (workflow.upload)
            {"GET /workflows/upload",                       "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"POST /workflows/upload",                      "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"POST /workflows/upload/deploy",               "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            {"GET /workflows/models/{processKey}/restore/{processDefinitionId}", "L", "F", "F", "F", "F", "F", "F", "F", "N"},
            {"POST /workflows/models/{processKey}/restore/{processDefinitionId}", "F", "F", "F", "F", "F", "F", "F", "F", "N"},
            {"GET /workflows/models/{processKey}/migrate",  "L", "F", "F", "F", "F", "F", "F", "F", "N"},
            {"POST /workflows/models/{processKey}/migrate", "F", "F", "F", "F", "F", "F", "F", "F", "R"},
            // issue 17: areas of need from the MIS, the SENCO's (SEND records)
            {"GET /send/import",                            "L", "F", "N", "N", "A", "N", "N", "N", "F"},
            {"POST /send/import",                           "F", "F", "F", "F", "R", "F", "F", "F", "F"},
            {"POST /agency-meetings/{reference}/invitations", "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            {"POST /agency-meetings/{reference}/rearrange", "F", "F", "N", "N", "N", "N", "N", "N", "F"},
            // school settings (issue 18 part 3): the DSL, the Pastoral Lead and administrators; each setting's guard decides the rest
            {"GET /settings",                               "L", "F", "F", "F", "F", "A", "A", "F", "A"},
            {"POST /settings",                              "F", "F", "F", "F", "F", "R", "R", "F", "R"},
            {"POST /settings/versions/{version}/put-back",  "F", "F", "F", "F", "F", "N", "N", "F", "N"},
            // issue 17: an EHCP review meeting moved (the SENCO's; the sweep's pupil has no plan, so 404 for the SENCO too)
            {"POST /send/students/{id}/ehcp/meeting",       "F", "F", "F", "F", "N", "F", "F", "F", "F"},
    };

    /** Handlers that are not routes of their own. */
    static final Set<String> NOT_ROUTES = Set.of("GET /error", "POST /error");

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;

    final Map<String, HttpUser> sessions = new HashMap<>();

    @Test
    void theTableNamesEveryRouteTheApplicationMaps() {
        Set<String> inTable = new TreeSet<>();
        for (String[] row : ROUTES) {
            inTable.add(row[0]);
        }
        Set<String> missing = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String route = m.name() + " " + pattern;
                    if (!inTable.contains(route) && !NOT_ROUTES.contains(route)) {
                        missing.add(route);
                    }
                }
            }
        });
        assertThat(missing).as("routes with no row in the table").isEmpty();
    }

    @Test
    void everyRouteAnswersEveryRoleAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] row : ROUTES) {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                HttpResponse<String> response = call(row[0], role, true);
                String got = answer(response);
                if (!got.equals(row[i + 1])) {
                    wrong.add(row[0] + " as " + role + ": expected " + row[i + 1] + ", got " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyStateChangeFromAPageNeedsTheCsrfToken() throws Exception {
        List<String> unprotected = new ArrayList<>();
        for (String[] row : ROUTES) {
            // the JSON API carries credentials, not cookies; the webapps check their own token (X-XSRF-TOKEN)
            if (!row[0].startsWith("POST ") || row[0].startsWith("POST /api/") || row[0].startsWith("POST /camunda/")) {
                continue;
            }
            String allowed = null;
            for (int i = 1; i < ROLES.size(); i++) {
                if (!row[i + 1].equals("F")) {
                    allowed = ROLES.get(i);
                    break;
                }
            }
            HttpResponse<String> without = call(row[0], allowed, false);
            if (without.statusCode() != 403) {
                unprotected.add(row[0] + " as " + allowed + " without a token: " + without.statusCode());
            }
        }
        assertThat(unprotected).isEmpty();
    }

    HttpResponse<String> call(String methodAndRoute, String role, boolean withCsrf) throws Exception {
        String method = methodAndRoute.substring(0, methodAndRoute.indexOf(' '));
        String route = resolve(methodAndRoute.substring(method.length() + 1));
        if (route.startsWith("/api/")) {
            return callApi(method, route, role);
        }
        HttpUser user = role.equals("anonymous") ? new HttpUser(port) : session(role);
        if (method.equals("GET")) {
            return user.get(route);
        }
        return withCsrf && !role.equals("anonymous") ? user.post(route, Map.of()) : user.postWithoutToken(route, Map.of());
    }

    HttpResponse<String> callApi(String method, String route, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + route));
        if (!role.equals("anonymous")) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((role + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String resolve(String route) {
        var s = students.findByUpn("U873400126000").orElseThrow();
        return route.replace("/students/{id}", "/students/" + s.getId())
                .replace("{upn}", s.getUpn())
                .replace("{reference}", "R99-99999")
                .replace("{name}", "referrals")
                .replace("{processInstanceId}", "no-such-instance")
                .replace("{urn}", "999999")
                .replace("{type}", "incident")
                .replace("{shareId}", "987654321")
                .replace("{action}", "AA99-99999")
                .replace("{userId}", "no-such-person")
                .replace("{number}", "1")
                .replace("{id}", "987654321")
                .replace("{processKey}", "no-such-process")
                .replace("{processDefinitionId}", "no-such-version")
                .replace("{key}", "no-such-workflow")
                .replace("{definitionId}", "no-such-version")
                .replace("{version}", "987654")
                .replace("{decisionKey}", "no-such-table");
    }

    static String answer(HttpResponse<String> response) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        if (status == 200) {
            return "A";
        }
        if (status == 403) {
            return "F";
        }
        if (status == 401) {
            return "U";
        }
        if (status == 404) {
            return "N";
        }
        if (status == 302 && location.endsWith("/login")) {
            return "L";
        }
        if (status >= 500) {
            return "server error " + status;
        }
        return "R";
    }

    HttpUser session(String role) {
        return sessions.computeIfAbsent(role, r -> HttpUser.signedIn(port, r));
    }
}
