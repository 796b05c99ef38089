package org.pastoralflow.referral;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.workflow.tables.DecisionCases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The latest referrals as the routing table saw them, for the table editor's counts: immediate risk, category and
 * the student's year group (as it is now: a year group is not kept with the referral). Nothing else leaves here:
 * the editor shows counts of routes to people who may not read safeguarding referrals.
 */
@Component
class ReferralRoutingCases implements DecisionCases {

    private final JdbcTemplate jdbc;

    ReferralRoutingCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String decisionKey() {
        return "referral-routing";
    }

    @Override
    public List<Map<String, Object>> latest(int n) {
        return jdbc.query("select r.immediate_risk, r.category, s.year_group from referral r join student s on s.id = r.student_id "
                + "order by r.raised_at desc, r.id desc limit ?", (rs, i) -> {
                    Map<String, Object> inputs = new HashMap<>();
                    inputs.put(ReferralProcess.IMMEDIATE_RISK, rs.getBoolean(1));
                    inputs.put(ReferralProcess.CATEGORY, rs.getString(2));
                    inputs.put(ReferralProcess.YEAR_GROUP, rs.getInt(3));
                    return inputs;
                }, n);
    }
}
