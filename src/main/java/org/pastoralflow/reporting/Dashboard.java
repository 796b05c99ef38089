package org.pastoralflow.reporting;

import org.pastoralflow.security.Viewer;

/**
 * One chart and its table on the dashboard page, with its CSV. Every {@code Dashboard} bean in the
 * application appears on the page in {@link #order()}: this is how a feature contributes its own
 * numbers without the reporting package knowing about it.
 *
 * <p><b>Extension point for transition.</b> The transition workflow (built separately) adds its
 * cohort progress by declaring a bean of this type named {@link #TRANSITION}; until one exists the
 * page says that transition progress is not available, rather than showing invented numbers.
 *
 * <p>A dashboard counts only what the viewer may read (see docs/security.md, "Dashboards"), applies
 * the whole {@link DashboardFilter} in its SQL, and never puts a student's name in its table.
 */
public interface Dashboard {

    /** The name of the dashboard the transition feature is expected to contribute. */
    String TRANSITION = "transition";

    /** Used in the page anchor and the CSV's address: lower case, digits and hyphens. */
    String name();

    /** Position on the page: lower first. Built-in dashboards use 10, 20, ...; transition should use 90. */
    int order();

    Table table(DashboardFilter filter, Viewer viewer);
}
