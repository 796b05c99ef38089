package org.pastoralflow.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.pastoralflow.audit.AuditLog;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides who may read a record about a student. Every page, list, count,
 * export, e-mail and API call asks it, in Java ({@link #mayRead}, {@link #readable}) or in SQL
 * ({@link #sql}); no feature decides for itself.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>A record shared with the viewer by name (a DSL shares a safeguarding record, the SENCO a SEND
 *       one) is readable by them, whatever their groups or year groups.</li>
 *   <li>Otherwise the viewer's groups must read the record's confidentiality (pastoral: caseworkers;
 *       send: SENCO, DSL, Heads of Year, Pastoral Lead; safeguarding: the DSL group only).</li>
 *   <li>And a PSO or Head of Year who works with some year groups reads only records about students
 *       of those years (a record about several students: any of them; about none: yes).</li>
 * </ol>
 * A record the viewer may not read does not exist for them: callers answer 404, leave it out of lists
 * and counts, and never name it in a task, an e-mail or a diagram. Readability is decided before
 * year groups and both give the same answer, so a refusal says nothing about what exists.
 */
@Service
public class AccessPolicy {

    public static final String SHARE = "SHARE";
    public static final String UNSHARE = "UNSHARE";

    private final YearGroupScope yearGroups;
    private final RecordShareRepository shares;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    AccessPolicy(YearGroupScope yearGroups, RecordShareRepository shares, NamedParameterJdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.yearGroups = yearGroups;
        this.shares = shares;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What one viewer may read: their groups, year groups and shares are read once, so use one per request. */
    @Transactional(readOnly = true)
    public Access of(Viewer viewer) {
        return new Access(viewer, levels(viewer), yearGroups.of(viewer));
    }

    public boolean mayRead(Viewer viewer, Classification record) {
        return of(viewer).mayRead(record);
    }

    /** The records the viewer may read, in the order given. */
    public <T> List<T> readable(Viewer viewer, Collection<T> records, Function<T, Classification> classify) {
        return of(viewer).readable(records, classify);
    }

    /** The record, if the viewer may read it; otherwise the same 404 as a record that does not exist. */
    public <T> T require(Viewer viewer, T record, Function<T, Classification> classify) {
        if (record == null || !mayRead(viewer, classify.apply(record))) {
            throw new NotFoundException("Nothing was found there.");
        }
        return record;
    }

    /**
     * Whether the viewer may read the lesson view of a record: the part of a pastoral record that is
     * meant for everyone who teaches the student, as a report card's targets and period grid are (the
     * student carries the card to each lesson). Whoever reads the record reads it; so does any member
     * of staff, for a pastoral record about students in their year groups. Never a send or
     * safeguarding record, and never an administrator who does not teach.
     */
    public boolean mayReadLessonView(Viewer viewer, Classification record) {
        return of(viewer).mayReadLessonView(record);
    }

    /** The confidentialities the viewer's groups read, before year groups and shares. */
    public static Set<Confidentiality> levels(Viewer viewer) {
        Set<Confidentiality> levels = EnumSet.noneOf(Confidentiality.class);
        for (Confidentiality c : Confidentiality.values()) {
            if (c.visibleTo(viewer)) {
                levels.add(c);
            }
        }
        return levels;
    }

    /** Whether members of a group, by that group alone, read records of this confidentiality (for e-mails to a group). */
    public static boolean groupReads(String groupId, Confidentiality confidentiality) {
        return confidentiality.readers().contains(groupId);
    }

    /**
     * How confidential a task is: offered to groups, the least confidential of their records' levels,
     * but never less than the record it is about. Levels nest (safeguarding readers are send readers
     * are pastoral readers), so the larger level is the more confidential.
     */
    public static Confidentiality taskLevel(Confidentiality recordLevel, Collection<String> candidateGroups) {
        Confidentiality groups = candidateGroups.stream().map(Confidentiality::forGroup)
                .min(java.util.Comparator.naturalOrder()).orElse(recordLevel);
        return groups.compareTo(recordLevel) > 0 ? groups : recordLevel;
    }

    /** The groups whose tasks are more confidential than these levels (for counting tasks in SQL). */
    public static List<String> groupsAbove(Collection<Confidentiality> levels) {
        return java.util.Arrays.stream(Group.values()).map(Group::id)
                .filter(g -> !levels.contains(Confidentiality.forGroup(g))).toList();
    }

    // ---------------------------------------------------------------- in SQL

    /**
     * How a table's rows are classified in SQL: the record type its shares use, the id column, the
     * confidentiality expression, and its students: one column ({@link #single}) or a subquery
     * giving the ids ({@link #many}).
     */
    public record RecordSql(String recordType, String idColumn, String confidentialityExpr, String studentColumn,
                            String studentsSubquery) {

        public static RecordSql single(String recordType, String idColumn, String confidentialityExpr, String studentColumn) {
            return new RecordSql(recordType, idColumn, confidentialityExpr, studentColumn, null);
        }

        public static RecordSql many(String recordType, String idColumn, String confidentialityExpr, String studentsSubquery) {
            return new RecordSql(recordType, idColumn, confidentialityExpr, null, studentsSubquery);
        }
    }

    /** A condition to AND into a query, with its named parameters (prefixed, so several filters can share a query). */
    public record SqlFilter(String condition, Map<String, Object> parameters) {
    }

    /** The rows of the table the viewer may read, as one SQL condition: the same rule as {@link #mayRead}. */
    public SqlFilter sql(Viewer viewer, RecordSql record) {
        return sql(of(viewer), record);
    }

    public SqlFilter sql(Access access, RecordSql record) {
        String p = "pf_" + record.recordType().replaceAll("\\W", "_") + "_";
        Map<String, Object> params = new LinkedHashMap<>();
        String levels;
        if (access.levels.isEmpty()) {
            levels = "1 = 0";
        } else {
            levels = record.confidentialityExpr() + " in (:" + p + "levels)";
            params.put(p + "levels", access.levels.stream().map(Enum::name).toList());
        }
        String scope = "";
        if (!access.scope.wholeSchool()) {
            params.put(p + "years", List.copyOf(access.scope.years()));
            String inYears = "select pf_s.id from student pf_s where pf_s.year_group in (:" + p + "years)";
            scope = record.studentColumn() != null
                    ? " and (" + record.studentColumn() + " is null or " + record.studentColumn() + " in (" + inYears + "))"
                    : " and (not exists (" + record.studentsSubquery() + ") or exists (select 1 from student pf_s where pf_s.id in ("
                    + record.studentsSubquery() + ") and pf_s.year_group in (:" + p + "years)))";
        }
        params.put(p + "type", record.recordType());
        params.put(p + "user", access.viewer.userId());
        String shared = record.idColumn() + " in (select pf_sh.record_id from record_share pf_sh where pf_sh.record_type = :"
                + p + "type and pf_sh.user_id = :" + p + "user and pf_sh.revoked_at is null)";
        return new SqlFilter("((" + levels + scope + ") or " + shared + ")", params);
    }

    // ---------------------------------------------------------------- sharing

    /**
     * Whether the viewer may share this record with named staff: a DSL shares what they read, the
     * SENCO a SEND record. Pastoral records are read by every caseworker already.
     */
    public boolean mayShare(Viewer viewer, Classification record) {
        return mayRead(viewer, record) && switch (record.confidentiality()) {
            case SAFEGUARDING -> viewer.in(Group.DSL);
            case SEND -> viewer.inAny(Group.DSL, Group.SENCO);
            case PASTORAL -> false;
        };
    }

    /** Shares the record with a named member of staff, with the reason; audited. */
    @Transactional
    public RecordShare share(Viewer sharer, Classification record, String userId, String reason) {
        if (!mayShare(sharer, record)) {
            throw new NotFoundException("Nothing was found there.");
        }
        RecordShare existing = shares.findByRecordTypeAndRecordIdOrderBySharedAtAsc(record.recordType(), record.recordId()).stream()
                .filter(s -> s.isActive() && s.getUserId().equals(userId)).findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        RecordShare share = shares.save(new RecordShare(record.recordType(), record.recordId(), userId, reason, sharer.userId(),
                clock.instant()));
        audit.record(sharer.userId(), SHARE, record.recordType(), record.recordId(), firstStudent(record),
                "Shared with " + userId + ": " + reason);
        return share;
    }

    /** Ends a share; the record is then read by its confidentiality's groups only. Audited. */
    @Transactional
    public void revoke(Viewer viewer, Classification record, Long shareId) {
        RecordShare share = shares.findById(shareId)
                .filter(s -> s.getRecordType().equals(record.recordType()) && s.getRecordId().equals(record.recordId()))
                .orElseThrow(() -> new NotFoundException("Nothing was found there."));
        if (!mayShare(viewer, record)) {
            throw new NotFoundException("Nothing was found there.");
        }
        if (share.isActive()) {
            share.revoke(viewer.userId(), clock.instant());
            audit.record(viewer.userId(), UNSHARE, record.recordType(), record.recordId(), firstStudent(record),
                    "No longer shared with " + share.getUserId());
        }
    }

    /** Everyone a record is or was shared with, oldest first. */
    public List<RecordShare> sharesOf(String recordType, Long recordId) {
        return shares.findByRecordTypeAndRecordIdOrderBySharedAtAsc(recordType, recordId);
    }

    private static Long firstStudent(Classification record) {
        return record.studentIds().isEmpty() ? null : record.studentIds().iterator().next();
    }

    // ---------------------------------------------------------------- one viewer

    /** What one viewer may read. Not shared between requests: shares and year groups change. */
    public final class Access {

        private final Viewer viewer;
        private final Set<Confidentiality> levels;
        private final YearGroupScope.Scope scope;
        private Map<String, Set<Long>> shared;
        private final Map<Long, Integer> yearOf = new HashMap<>();

        Access(Viewer viewer, Set<Confidentiality> levels, YearGroupScope.Scope scope) {
            this.viewer = viewer;
            this.levels = levels;
            this.scope = scope;
        }

        public Viewer viewer() {
            return viewer;
        }

        public Set<Confidentiality> levels() {
            return levels;
        }

        /** Whether the viewer works with this year group (everyone does, but PSOs and Heads of Year with years of their own). */
        public boolean worksWithYear(int yearGroup) {
            return scope.allows(yearGroup);
        }

        public boolean mayRead(Classification record) {
            if (record == null) {
                return false;
            }
            if (sharedWith(record)) {
                return true;
            }
            if (!levels.contains(record.confidentiality())) {
                return false;
            }
            return inScope(record.studentIds()) && (record.studentIds().isEmpty() ? inYears(record.yearGroups()) : true);
        }

        /** See {@link AccessPolicy#mayReadLessonView}. */
        public boolean mayReadLessonView(Classification record) {
            if (mayRead(record)) {
                return true;
            }
            return record != null && record.confidentiality() == Confidentiality.PASTORAL && viewer.in(Group.STAFF)
                    && inScope(record.studentIds());
        }

        /** The records whose lesson view the viewer may read, in the order given. */
        public <T> List<T> lessonViewReadable(Collection<T> records, Function<T, Classification> classify) {
            List<T> kept = new ArrayList<>();
            for (T record : records) {
                if (mayReadLessonView(classify.apply(record))) {
                    kept.add(record);
                }
            }
            return kept;
        }

        /** A child not on roll yet is in the scope of those who work with the year they join. */
        private boolean inYears(Collection<Integer> years) {
            return scope.wholeSchool() || years.isEmpty() || years.stream().anyMatch(scope::allows);
        }

        public <T> List<T> readable(Collection<T> records, Function<T, Classification> classify) {
            List<Classification> classified = records.stream().map(classify).toList();
            if (!scope.wholeSchool()) {
                Set<Long> ids = new HashSet<>();
                classified.forEach(c -> ids.addAll(c.studentIds()));
                loadYears(ids);
            }
            List<T> kept = new ArrayList<>();
            int i = 0;
            for (T record : records) {
                if (mayRead(classified.get(i++))) {
                    kept.add(record);
                }
            }
            return kept;
        }

        /**
         * Whether the viewer may know of a task of a workflow about a record (on the student page, the
         * record's page, a dashboard): its worker may; anyone else reads it at the more confidential of
         * the record's level and its group's (the DSL review of a pastoral attendance concern is the
         * DSL's), with the record's shares applying.
         */
        public boolean mayReadTask(Classification record, Collection<String> candidateGroups, String assignee) {
            if (viewer.userId().equals(assignee) || candidateGroups.stream().anyMatch(viewer.groups()::contains)) {
                return true;
            }
            return mayRead(record.at(taskLevel(record.confidentiality(), candidateGroups)));
        }

        private boolean sharedWith(Classification record) {
            if (record.recordId() == null) {
                return false;
            }
            if (shared == null) {
                shared = new HashMap<>();
                for (RecordShare s : shares.findByUserIdAndRevokedAtIsNull(viewer.userId())) {
                    shared.computeIfAbsent(s.getRecordType(), k -> new HashSet<>()).add(s.getRecordId());
                }
            }
            return shared.getOrDefault(record.recordType(), Set.of()).contains(record.recordId());
        }

        private boolean inScope(Collection<Long> studentIds) {
            if (scope.wholeSchool() || studentIds.isEmpty()) {
                return true;
            }
            loadYears(studentIds);
            return studentIds.stream().map(yearOf::get).anyMatch(y -> y == null || scope.allows(y));
        }

        private void loadYears(Collection<Long> studentIds) {
            List<Long> missing = studentIds.stream().filter(id -> !yearOf.containsKey(id)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            jdbc.query("select id, year_group from student where id in (:ids)", Map.of("ids", missing),
                    rs -> {
                        yearOf.put(rs.getLong(1), rs.getInt(2));
                    });
        }
    }
}
