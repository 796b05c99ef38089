package org.pastoralflow.reporting;

import java.util.function.BiFunction;

import org.pastoralflow.security.Viewer;

/**
 * One chart and its table on the dashboard page, with its CSV. Every {@code Dashboard} bean in the
 * application appears on the page in {@link #order()}: this is how a feature contributes its own
 * numbers without the reporting package knowing about it.
 *
 * <p>The transition feature adds its cohort's progress this way, as the bean named {@link #TRANSITION}
 * ({@code transition.TransitionDashboard}).
 *
 * <p>A dashboard counts only what the viewer may read (see docs/security.md, "Dashboards"), applies
 * the whole {@link DashboardFilter} in its SQL, and never puts a student's name in its table.
 */
public interface Dashboard {

    /** The name of the transition feature's dashboard. */
    String TRANSITION = "transition";

    /** Used in the page anchor and the CSV's address: lower case, digits and hyphens. */
    String name();

    /** Position on the page: lower first. Built-in dashboards use 10, 20, ...; transition should use 90. */
    int order();

    Table table(DashboardFilter filter, Viewer viewer);

    /** A dashboard whose table one method of a service makes (several charts over one set of records). */
    static Dashboard of(String name, int order, BiFunction<DashboardFilter, Viewer, Table> table) {
        record Simple(String name, int order, BiFunction<DashboardFilter, Viewer, Table> make) implements Dashboard {
            @Override
            public Table table(DashboardFilter filter, Viewer viewer) {
                return make.apply(filter, viewer);
            }
        }
        return new Simple(name, order, table);
    }
}
