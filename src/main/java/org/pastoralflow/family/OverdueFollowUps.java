package org.pastoralflow.family;

import java.time.Clock;
import java.util.List;

import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A follow-up left undone past its date (contact-follow-up.bpmn's two non-interrupting timers): the
 * writer is e-mailed once, and after a further wait it goes on the Pastoral Lead's list. The task
 * stays the writer's throughout: the Pastoral Lead sees what is late, and speaks to them.
 */
@Service
public class OverdueFollowUps {

    static final String LEAD_GROUP = "pastoral-lead";

    private final ContactLogRepository log;
    private final Notifier notifier;
    private final AccessPolicy policy;
    private final Clock clock;

    OverdueFollowUps(ContactLogRepository log, Notifier notifier, AccessPolicy policy, Clock clock) {
        this.log = log;
        this.notifier = notifier;
        this.policy = policy;
        this.clock = clock;
    }

    /** "Remind the writer": an e-mail naming the contact's reference and its date, never the child or what was said. */
    @Transactional
    public void remind(Long contactLogId) {
        ContactLogEntry e = log.findById(contactLogId).orElseThrow();
        if (!e.followUpOpen()) {
            return;
        }
        e.reminded(clock.instant());
        notifier.toUsers(List.of(e.getLoggedBy()), "A follow-up with home is overdue (" + e.getReference() + ")",
                "Your follow-up of a contact with home (" + e.getReference() + ") was due on "
                        + ContactLog.FormatDay.of(e.getFollowUpOn()) + " and is not recorded as done yet. If it has been "
                        + "done, record it on the task; it is on your list of follow-ups.", "/family/follow-ups", e.classification());
    }

    /** "Put it on the Pastoral Lead's list". */
    @Transactional
    public void escalate(Long contactLogId) {
        ContactLogEntry e = log.findById(contactLogId).orElseThrow();
        if (e.followUpOpen()) {
            e.escalated(clock.instant());
        }
    }

    /** The Pastoral Lead's list: follow-ups still undone after the further wait, each one the viewer may read. */
    @Transactional(readOnly = true)
    public List<ContactLogEntry> forLead(Viewer viewer) {
        if (!viewer.groups().contains(LEAD_GROUP)) {
            return List.of();
        }
        return policy.readable(viewer, log.findByFollowUpEscalatedAtNotNullAndFollowUpDoneAtIsNullOrderByFollowUpOnAscIdAsc(),
                ContactLogEntry::classification);
    }
}
