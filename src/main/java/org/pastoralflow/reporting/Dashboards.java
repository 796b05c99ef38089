package org.pastoralflow.reporting;

import java.util.Comparator;
import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards of the application: every {@link Dashboard} bean, in order. Counts only, never
 * students' names, and only of what the viewer may read.
 */
@Service
public class Dashboards {

    private final List<Dashboard> dashboards;

    Dashboards(List<Dashboard> dashboards) {
        this.dashboards = dashboards.stream().sorted(Comparator.comparingInt(Dashboard::order)).toList();
    }

    public List<String> names() {
        return dashboards.stream().map(Dashboard::name).toList();
    }

    @Transactional(readOnly = true)
    public Table table(String name, DashboardFilter filter, Viewer viewer) {
        return dashboard(name).table(filter, viewer);
    }

    @Transactional(readOnly = true)
    public List<Table> tables(DashboardFilter filter, Viewer viewer) {
        return dashboards.stream().map(d -> d.table(filter, viewer)).toList();
    }

    private Dashboard dashboard(String name) {
        return dashboards.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No dashboard " + name));
    }
}
