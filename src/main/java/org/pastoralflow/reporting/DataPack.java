package org.pastoralflow.reporting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.documents.CsvExport;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.workflow.SchoolTerm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The termly data pack for one term and year group (or the whole school): counts of referrals,
 * incidents, attendance and interventions, each against the term before, as one PDF and one CSV.
 * Two editions: for governors (counts only: no student or staff names, no free-text places) and
 * for senior leaders (the same, plus the places and who is on the early-intervention list).
 * The counts are the dashboards' own, so the pack and the page agree. In the governors' edition a
 * count smaller than {@code pastoral.dashboards.governors-smallest-count} (but not none) is shown as
 * "fewer than N", with neither the change nor an average drawn from it: "1 harmful sexual behaviour
 * incident in Year 8" names a child to anyone who knows the year group. Every export is audited.
 */
@Service
public class DataPack {

    public enum Edition { GOVERNORS, LEADERS }

    /** One table of the pack: a measure per row, the term before, this term, and the change. */
    public record Section(String title, String note, List<String> columns, List<List<Object>> rows) {
    }

    public record Pack(String title, Edition edition, DashboardFilter filter, String previousTerm, List<Section> sections,
                       List<EarlyIntervention.Listed> listed) {
    }

    private static final String AUDIT_TYPE = "data-pack";

    private final Dashboards dashboards;
    private final Filters filters;
    private final EarlyIntervention earlyIntervention;
    private final PdfRenderer pdfs;
    private final Formats fmt;
    private final AuditLog audit;
    /** Read at each pack: the school may change it on the settings page while the application runs. */
    private final ReportingSettings settings;
    private final Clock clock;

    DataPack(Dashboards dashboards, Filters filters, EarlyIntervention earlyIntervention, PdfRenderer pdfs,
             Formats fmt, AuditLog audit, ReportingSettings settings, Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.dashboards = dashboards;
        this.filters = filters;
        this.earlyIntervention = earlyIntervention;
        this.pdfs = pdfs;
        this.fmt = fmt;
        this.audit = audit;
    }

    @Transactional
    public Pack build(SchoolTerm term, Integer yearGroup, Edition edition, Viewer viewer) {
        DashboardFilter now = filters.forTerm(term, yearGroup);
        SchoolTerm before = filters.termBefore(term).orElse(null);
        DashboardFilter then = before == null ? null : filters.forTerm(before, yearGroup);
        Counts counts = edition == Edition.GOVERNORS ? new Counts(settings.governorsSmallestCount()) : Counts.ALL;
        List<Section> sections = new ArrayList<>();
        sections.add(trend("Referrals raised, by category", "referrals", -1, now, then, viewer, counts));
        sections.add(trend("Incidents, by type", "incidents-type", 1, now, then, viewer, counts));
        sections.add(trend("Incidents, by time of day", "incidents-time", 1, now, then, viewer, counts));
        if (yearGroup == null) {
            sections.add(trend("Incidents, by year group", "incidents-year", 1, now, then, viewer, counts));
        }
        if (edition == Edition.LEADERS) {
            // places are typed freely and may name a person: leaders only
            sections.add(trend("Incidents, by place", "incidents-location", 1, now, then, viewer, counts));
        }
        sections.add(trend("Students by attendance band", "attendance", 1, now, then, viewer, counts));
        // DfE, Behaviour in schools (2024): removal data analysed by pupil characteristics (removal.RemovalDashboard)
        sections.add(trend("Removals from lessons, by group", "removals-groups", 1, now, then, viewer, counts));
        // the intervention feature's dashboards (intervention.InterventionDashboard, PlanMeasureDashboard), by name
        Table interventions = dashboards.table("interventions", now, viewer);
        sections.add(new Section("Interventions this term: groups, 1:1 runs and their impact", counts.note(interventions.note()),
                interventions.columns(), interventions.rows().stream().map(r -> counts.outcomes(r, 4, 5, 8)).toList()));
        Table planMeasures = dashboards.table("plan-measures", now, viewer);
        sections.add(new Section("Interventions this term: support plans by measure", counts.note(planMeasures.note()),
                planMeasures.columns(), planMeasures.rows().stream().map(r -> counts.outcomes(r, 2, 3, 6)).toList()));
        List<EarlyIntervention.Listed> listed = edition == Edition.LEADERS ? earlyIntervention.list(now, viewer) : List.of();
        String title = "Termly data pack: " + term.getName() + ", " + (yearGroup == null ? "all years" : "Year " + yearGroup);
        return new Pack(title, edition, now, before == null ? "Term before" : before.getName(), sections, listed);
    }

    /** A dashboard over this term and the one before, joined on its first column; {@code column} -1 is the last. */
    private Section trend(String title, String dashboard, int column, DashboardFilter now, DashboardFilter then, Viewer viewer,
                          Counts counts) {
        Table current = dashboards.table(dashboard, now, viewer);
        Map<String, Long> previous = new LinkedHashMap<>();
        if (then != null) {
            dashboards.table(dashboard, then, viewer).rows().forEach(r -> previous.put(String.valueOf(r.get(0)), value(r, column)));
        }
        Map<String, long[]> joined = new LinkedHashMap<>();
        current.rows().forEach(r -> joined.put(String.valueOf(r.get(0)), new long[] {previous.getOrDefault(String.valueOf(r.get(0)), 0L), value(r, column)}));
        previous.forEach((k, v) -> joined.putIfAbsent(k, new long[] {v, 0}));
        List<List<Object>> rows = new ArrayList<>();
        joined.forEach((k, v) -> rows.add(counts.hidden(v[0]) || counts.hidden(v[1])
                ? List.of(k, counts.shown(v[0]), counts.shown(v[1]), "not shown")
                : List.of(k, v[0], v[1], change(v[1] - v[0]))));
        String previousName = then == null ? "Term before" : then.periodName();
        return new Section(title, counts.note(current.note()), List.of(current.columns().get(0), previousName, now.periodName(), "Change"), rows);
    }

    /**
     * Which counts an edition shows as they are: all of them, or (for governors) none, or at least
     * {@code smallest}. Suppression is of each cell on its own; the pack prints no totals a hidden cell
     * could be worked back from.
     */
    record Counts(int smallest) {
        static final Counts ALL = new Counts(1);

        boolean hidden(long count) {
            return count > 0 && count < smallest;
        }

        Object shown(long count) {
            return hidden(count) ? "fewer than " + smallest : count;
        }

        String note(String note) {
            if (smallest <= 1) {
                return note;
            }
            String rule = "Counts from 1 to " + (smallest - 1) + " are shown as \"fewer than " + smallest
                    + "\" so that no child can be recognised from them.";
            return note == null || note.isBlank() ? rule : note + " " + rule;
        }

        /**
         * A row of counts with outcome figures (improved, the same, worse, mean change) in columns
         * {@code firstOutcome} to {@code lastOutcome}: each other count shown or hidden on its own, and the
         * outcomes only when drawn from enough scored ({@code scored}, the column they are counted over).
         */
        List<Object> outcomes(List<Object> row, int scored, int firstOutcome, int lastOutcome) {
            boolean anyHidden = row.stream().anyMatch(v -> v instanceof Number n && !(v instanceof Double) && hidden(n.longValue()));
            if (!anyHidden) {
                return row;
            }
            boolean tooFew = hidden(((Number) row.get(scored)).longValue());
            List<Object> out = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (c >= firstOutcome && c <= lastOutcome && tooFew) {
                    out.add("not shown");
                } else if (v instanceof Number n && !(v instanceof Double)) {
                    out.add(shown(n.longValue()));
                } else {
                    out.add(v);
                }
            }
            return out;
        }
    }

    private static long value(List<Object> row, int column) {
        Object v = row.get(column < 0 ? row.size() - 1 : column);
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static String change(long d) {
        return d == 0 ? "no change" : (d > 0 ? "+" : "−") + Math.abs(d);
    }

    @Transactional
    public byte[] pdf(Pack pack, Viewer viewer) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("pack", pack);
        vars.put("fmt", fmt);
        vars.put("generatedAt", clock.instant());
        vars.put("governors", pack.edition() == Edition.GOVERNORS);
        byte[] pdf = pdfs.render("reporting/data-pack", vars);
        audited(pack, viewer, "PDF");
        return pdf;
    }

    /** Every section in one file: section, the row's measure, the term before, this term, change (and the interventions as they are). */
    @Transactional
    public byte[] csv(Pack pack, Viewer viewer) {
        CsvExport csv = new CsvExport()
                .row("Data pack", pack.title(), pack.edition() == Edition.GOVERNORS ? "Governors' edition" : "Senior leaders' edition");
        for (Section s : pack.sections()) {
            List<Object> header = new ArrayList<>(List.of("Section"));
            header.addAll(s.columns());
            csv.row(header);
            for (List<Object> row : s.rows()) {
                List<Object> line = new ArrayList<>(List.of(s.title()));
                line.addAll(row);
                csv.row(line);
            }
        }
        if (!pack.listed().isEmpty()) {
            csv.row("Section", "Student", "Year and group", "Why");
            for (EarlyIntervention.Listed l : pack.listed()) {
                csv.row("Early-intervention list", l.student().displayName(), l.student().yearAndGroup(),
                        String.join("; ", l.evidence().stream().map(EarlyIntervention.Evidence::title).toList()));
            }
        }
        audited(pack, viewer, "CSV");
        return csv.toBytes();
    }

    private void audited(Pack pack, Viewer viewer, String format) {
        audit.record(viewer.userId(), AuditLog.EXPORT, AUDIT_TYPE, pack.filter().termId(), null,
                (pack.edition() == Edition.GOVERNORS ? "governors' edition" : "senior leaders' edition") + ", "
                        + pack.filter().describe() + ", " + format);
    }
}
