package org.pastoralflow.workflow;

import org.pastoralflow.forms.FormData;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The school's term dates, and the {@link SchoolCalendar} built from them, kept in memory: it is
 * read on every due date and timer, and changes a few times a year when an administrator edits it.
 * Deadlines already set keep their dates; new ones use the new calendar.
 */
@Service
public class TermDates {

    public static final Set<String> CLOSURE_KINDS = Set.of("HALF_TERM", "INSET", "BANK_HOLIDAY", "OTHER");

    private final SchoolTermRepository terms;
    private final SchoolClosureRepository closures;
    private final long refreshNanos;
    private volatile SchoolCalendar calendar;
    private volatile long loadedAt;

    /**
     * @param refresh how old the calendar in memory may get before it is read again: on a cluster
     *                an edit made on one node reaches the others within this time
     */
    public TermDates(SchoolTermRepository terms, SchoolClosureRepository closures,
                     @Value("${pastoral.calendar.refresh:PT1M}") Duration refresh) {
        this.terms = terms;
        this.closures = closures;
        this.refreshNanos = refresh.toNanos();
    }

    public SchoolCalendar calendar() {
        SchoolCalendar current = calendar;
        return current != null && System.nanoTime() - loadedAt < refreshNanos ? current : reload();
    }

    @Transactional(readOnly = true)
    public synchronized SchoolCalendar reload() {
        loadedAt = System.nanoTime();
        calendar = new SchoolCalendar(
                terms.findAllByOrderByStartsOn().stream()
                        .map(t -> new SchoolCalendar.Term(t.getName(), t.getStartsOn(), t.getEndsOn())).toList(),
                closures.findAllByOrderByStartsOn().stream()
                        .map(c -> new SchoolCalendar.Closure(c.getStartsOn(), c.getEndsOn(), c.getKind(), c.getDescription())).toList());
        return calendar;
    }

    public List<SchoolTerm> terms() {
        return terms.findAllByOrderByStartsOn();
    }

    public List<SchoolClosure> closures() {
        return closures.findAllByOrderByStartsOn();
    }

    @Transactional
    public void addTerm(FormData data) {
        String name = data.text("name", "Name of the term", 60, true);
        LocalDate[] range = range(data);
        data.throwIfInvalid();
        terms.save(new SchoolTerm(name, range[0], range[1]));
        reloadAfterCommit();
    }

    @Transactional
    public void addClosure(FormData data) {
        String kind = data.oneOf("kind", "Kind", CLOSURE_KINDS);
        String description = data.text("description", "Description", 120, true);
        LocalDate[] range = range(data);
        data.throwIfInvalid();
        closures.save(new SchoolClosure(range[0], range[1], kind, description));
        reloadAfterCommit();
    }

    @Transactional
    public void removeTerm(Long id) {
        terms.deleteById(id);
        reloadAfterCommit();
    }

    @Transactional
    public void removeClosure(Long id) {
        closures.deleteById(id);
        reloadAfterCommit();
    }

    private static LocalDate[] range(FormData data) {
        LocalDate from = data.date("startsOn", "First day", true);
        LocalDate to = data.date("endsOn", "Last day", true);
        if (from != null && to != null && to.isBefore(from)) {
            data.reject("endsOn", "Last day must not be before the first day.");
        }
        return new LocalDate[] {from, to};
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload();
            }
        });
    }
}
