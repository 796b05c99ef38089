package org.pastoralflow.reporting;

import java.util.List;
import java.util.Set;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.AccessPolicy.RecordSql;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The access policy in the SQL the dashboards and lists count with: each kind of record they count
 * is classified here once, and the policy writes the condition (confidentiality, year groups,
 * shares), so a count never includes a record its viewer could not open.
 */
@Component
class Visibility {

    static final RecordSql REFERRALS = RecordSql.single("referral", "r.id", "r.confidentiality", "r.student_id");
    static final RecordSql BEHAVIOUR = RecordSql.single("behaviour-log", "b.id", "b.confidentiality", "b.student_id");
    static final RecordSql PLANS = RecordSql.single("support-plan", "p.id", "p.confidentiality", "p.student_id");

    private final AccessPolicy policy;

    Visibility(AccessPolicy policy) {
        this.policy = policy;
    }

    /** Removals from lessons over the alias given (removal.Removal, pastoral by its column). */
    static RecordSql removals(String alias) {
        return RecordSql.single("removal", alias + ".id", alias + ".confidentiality", alias + ".student_id");
    }

    /** Incidents over the alias given (every student involved counts for year groups). */
    static RecordSql incidents(String alias) {
        return RecordSql.many("incident", alias + ".id", alias + ".confidentiality",
                "select pf_x.student_id from incident_student pf_x where pf_x.incident_id = " + alias + ".id");
    }

    /** " and (condition)", with its parameters added to those given. */
    String and(Viewer viewer, RecordSql records, MapSqlParameterSource params) {
        AccessPolicy.SqlFilter filter = policy.sql(viewer, records);
        params.addValues(filter.parameters());
        return " and " + filter.condition();
    }

    /** The confidentialities the viewer's groups read, for notes under a table. */
    static Set<Confidentiality> levels(Viewer viewer) {
        return AccessPolicy.levels(viewer);
    }

    static boolean seesSafeguarding(Viewer viewer) {
        return levels(viewer).contains(Confidentiality.SAFEGUARDING);
    }

    static List<String> levelNames(Viewer viewer) {
        return levels(viewer).stream().map(Enum::name).toList();
    }
}
