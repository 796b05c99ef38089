package org.pastoralflow.notification;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Viewer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pastoralflow.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mails groups about urgent work. The message is written to the outbox in the caller's
 * transaction and sent only after it commits, so a rolled-back step never e-mails anyone.
 * E-mails say what needs doing and link to it; they never carry the detail of a concern.
 *
 * <p>An e-mail that could not be sent (the mail server was down) is tried again by
 * {@link #retryDue}, with a wait that grows each time, up to {@code pastoral.mail.retry.attempts}
 * tries; so is one whose send after commit never happened (the node stopped in between). Each
 * row is locked while it is sent, and rows another node holds are skipped, so two nodes never
 * send the same e-mail twice.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    /** How long a new row waits for its send after commit before the retry treats it as lost. */
    static final Duration SEND_AFTER_COMMIT_GRACE = Duration.ofMinutes(2);
    static final int BATCH = 20;

    private final NotificationRepository outbox;
    private final StaffDirectory directory;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String baseUrl;
    private final Duration firstWait;
    private final int maxAttempts;
    private final TransactionTemplate separately;
    private final AccessPolicy policy;
    private final Clock clock;

    /** Pages that show each person only their own work, so a link to them needs no record: anyone may follow it. */
    static final List<String> GENERAL_PAGES = List.of("/inbox", "/dashboards", "/oncall", "/admin", "/transition/schools",
            "/subject-access", "/dsl-group");

    public Notifier(NotificationRepository outbox, StaffDirectory directory, ObjectProvider<JavaMailSender> mail,
                    PlatformTransactionManager transactions,
                    @Value("${pastoral.mail.from:pastoral-flow@localhost}") String from,
                    @Value("${pastoral.base-url:http://localhost:8080}") String baseUrl,
                    @Value("${pastoral.mail.retry.first-wait:PT1M}") Duration firstWait,
                    @Value("${pastoral.mail.retry.attempts:6}") int maxAttempts, AccessPolicy policy,
                    Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.outbox = outbox;
        this.directory = directory;
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl;
        this.firstWait = firstWait;
        this.maxAttempts = maxAttempts;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * E-mails the members of these groups who may open what it is about: {@code about} is the record
     * the link leads to (each recipient must be able to read it, by the access policy), or null when
     * the link is a general page such as the inbox. E-mails never name a child; a subject or text
     * about a record its recipients may not read says nothing of it (the caller writes it so).
     */
    @Transactional
    public void toGroups(List<String> groupIds, String subject, String text, String path, Classification about) {
        Set<String> users = new LinkedHashSet<>();
        groupIds.forEach(g -> users.addAll(directory.membersOf(g)));
        toUsers(List.copyOf(users), subject, text, path, about);
    }

    /** The same, to named members of staff (the investigator of an incident, say). */
    @Transactional
    public void toUsers(List<String> userIds, String subject, String text, String path, Classification about) {
        if (about == null && GENERAL_PAGES.stream().noneMatch(path::startsWith)) {
            throw new IllegalArgumentException("An e-mail that links to " + path + " must say which record it is about");
        }
        Set<String> to = new LinkedHashSet<>();
        for (String user : userIds) {
            if (about == null || policy.mayRead(new Viewer(user, user, directory.groupsOf(user)), about)) {
                directory.emailOf(user).ifPresent(to::add);
            }
        }
        queue(to, subject, text, path);
    }

    /**
     * E-mails a parent or carer: the text exactly as given (no link, no footer), so what was sent is
     * what the caller logged. The caller has decided this contact may be written to, and about what
     * (letters.Letters, by family.FamilyContacts); sent after commit and retried like any other.
     * Returns the outbox row's id, so the letter can show whether it went.
     */
    @Transactional
    public Long toFamily(String email, String subject, String text) {
        return queue(new Notification(email, subject, text, clock.instant(), clock.instant().plus(SEND_AFTER_COMMIT_GRACE), true));
    }

    /**
     * E-mails someone outside the school about a child (a professional, or a parent, invited to a
     * multi-agency meeting): like {@link #toFamily}, the text exactly as given, which the caller keeps
     * as its record. Stored as an e-mail home (it concerns a child: the administrator's outbox list
     * leaves it out, and it is retained like one). Returns the outbox row's id.
     */
    @Transactional
    public Long toOutside(String email, String subject, String text) {
        return toFamily(email, subject, text);
    }

    /** Whether an e-mail went (SENT, PENDING, FAILED, NOT_CONFIGURED), for a page that shows it to someone who may read it. */
    @Transactional(readOnly = true)
    public String status(Long id) {
        return outbox.findById(id).map(Notification::getStatus).orElse("");
    }

    private void queue(Set<String> to, String subject, String text, String path) {
        String body = text + "\n\nOpen it: " + baseUrl + path + "\n\n-- Pastoral Flow";
        queue(new Notification(String.join(", ", to), subject, body, clock.instant(), clock.instant().plus(SEND_AFTER_COMMIT_GRACE)));
    }

    private Long queue(Notification unsaved) {
        Notification n = outbox.save(unsaved);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(n.getId());
                }
            });
        } else {
            send(n.getId());
        }
        return n.getId();
    }

    private void send(Long id) {
        separately.executeWithoutResult(status -> outbox.lockById(id).filter(n -> !n.isDone())
                .ifPresent(n -> deliver(n, clock.instant())));
    }

    /**
     * Sends what is due by {@code now}: failed e-mails whose wait is over, and new ones whose send
     * after commit never happened. Returns how many were tried. Called every minute by
     * {@link OutboxRetry}; on every node at once is safe.
     */
    public int retryDue(Instant now) {
        Integer tried = separately.execute(status -> {
            List<Notification> due = outbox.lockDue(now, PageRequest.of(0, BATCH));
            due.forEach(n -> deliver(n, now));
            return due.size();
        });
        return tried == null ? 0 : tried;
    }

    private void deliver(Notification n, Instant now) {
        JavaMailSender sender = mail.getIfAvailable();
        List<String> to = n.recipientList();
        if (sender == null || to.isEmpty()) {
            n.notConfigured(sender == null ? "No mail server configured (spring.mail.host)" : "Nobody in the group has an e-mail address");
            log.warn("Notification {} not e-mailed: {}", n.getId(), n.getError());
        } else {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to.toArray(String[]::new));
                message.setSubject(n.getSubject());
                message.setText(n.getBody());
                sender.send(message);
                n.sent(now);
            } catch (MailException e) {
                Instant retryAt = n.getAttempts() + 1 < maxAttempts ? now.plus(waitAfter(n.getAttempts() + 1)) : null;
                n.failed(e.getMessage(), retryAt);
                log.error("Notification {} could not be sent (attempt {}); {}", n.getId(), n.getAttempts(),
                        retryAt == null ? "giving up" : "trying again at " + retryAt, e);
            }
        }
        outbox.save(n);
    }

    /** 1, 4, 16, 64 … times the first wait, never more than a school day apart. */
    Duration waitAfter(int attempts) {
        Duration wait = firstWait.multipliedBy((long) Math.pow(4, Math.min(attempts - 1, 8)));
        return wait.compareTo(Duration.ofHours(8)) > 0 ? Duration.ofHours(8) : wait;
    }
}
