package org.pastoralflow.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pastoralflow.reporting.Dashboard;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Component;

/**
 * Transition progress on the dashboards: for the cohort the board opens on, each milestone's
 * students done, overdue, due soon, still to do and not needed. The numbers are the cohort
 * board's own counts ({@link CohortBoard}), so the two never disagree, and the child protection
 * file row is there for the DSL group only, as on the board.
 *
 * <p>The incoming students are not on roll yet, so of the dashboard's filters only the tutor
 * group (and Year 7) applies; the allocation list carries no FSM or EAL flag, and the term does not
 * choose a cohort. With a filter that cannot apply, the table is empty and says why.
 */
@Component(Dashboard.TRANSITION)
class TransitionDashboard implements Dashboard {

    static final List<String> COLUMNS = List.of("Milestone", "Done", "Overdue", "Due soon", "To do", "Not needed");

    private final Transitions transitions;
    private final CohortBoard board;

    TransitionDashboard(Transitions transitions, CohortBoard board) {
        this.transitions = transitions;
        this.board = board;
    }

    @Override
    public String name() {
        return Dashboard.TRANSITION;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        Optional<Integer> year = transitions.defaultEntryYear();
        String title = "Transition progress" + year.map(y -> ", September " + y + " intake").orElse("");
        Optional<String> notApplied = notApplicable(filter);
        if (year.isEmpty() || notApplied.isPresent()) {
            return new Table(name(), title, COLUMNS, List.of())
                    .withNote(year.isEmpty() ? "No allocation list has been imported yet." : notApplied.get());
        }
        CohortBoard.Board b = board.board(year.get(), new CohortBoard.Filters(null, null, filter.tutorGroup(), null), viewer);
        List<List<Object>> rows = new ArrayList<>();
        for (Milestone m : b.columns()) {
            CohortBoard.Count c = b.counts().get(m);
            rows.add(List.of(m.label(), c.done(), c.overdue(), c.dueSoon(), c.open(), c.notNeeded()));
        }
        return new Table(name(), title, COLUMNS, rows).charting("Done", "Overdue", "Due soon", "To do")
                .withNote(b.rows().size() + " incoming students" + (filter.tutorGroup() != null ? " in " + filter.tutorGroup() : "")
                        + ", as on the cohort board today, whatever term is chosen.");
    }

    private static Optional<String> notApplicable(DashboardFilter f) {
        if (f.yearGroup() != null && f.yearGroup() != 7) {
            return Optional.of("The incoming cohort joins Year 7: nothing to count for Year " + f.yearGroup() + ".");
        }
        if (f.sen() || f.fsm() || f.eal() || f.inCare()) {
            return Optional.of("The SEN, FSM, EAL and looked-after filters are not applied to transition: "
                    + "filter the cohort board by enhanced or standard transition instead.");
        }
        return Optional.empty();
    }
}
