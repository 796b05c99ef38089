package org.pastoralflow.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pastoralflow.workflow.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationRepository outbox;
    private final StaffDirectory directory;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String baseUrl;
    private final TransactionTemplate separately;

    public Notifier(NotificationRepository outbox, StaffDirectory directory, ObjectProvider<JavaMailSender> mail,
                    PlatformTransactionManager transactions,
                    @Value("${pastoral.mail.from:pastoral-flow@localhost}") String from,
                    @Value("${pastoral.base-url:http://localhost:8080}") String baseUrl) {
        this.outbox = outbox;
        this.directory = directory;
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public void toGroups(List<String> groupIds, String subject, String text, String path) {
        Set<String> to = new LinkedHashSet<>();
        groupIds.forEach(g -> to.addAll(directory.emailsOf(g)));
        queue(to, subject, text, path);
    }

    /** The same, to named members of staff (the investigator of an incident, say). */
    @Transactional
    public void toUsers(List<String> userIds, String subject, String text, String path) {
        Set<String> to = new LinkedHashSet<>();
        userIds.forEach(u -> directory.emailOf(u).ifPresent(to::add));
        queue(to, subject, text, path);
    }

    private void queue(Set<String> to, String subject, String text, String path) {
        String body = text + "\n\nOpen it: " + baseUrl + path + "\n\n-- Pastoral Flow";
        Notification n = outbox.save(new Notification(String.join(", ", to), subject, body));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(n.getId(), to, subject, body);
                }
            });
        } else {
            send(n.getId(), to, subject, body);
        }
    }

    private void send(Long id, Set<String> to, String subject, String body) {
        separately.executeWithoutResult(status -> deliver(id, to, subject, body));
    }

    private void deliver(Long id, Set<String> to, String subject, String body) {
        Notification n = outbox.findById(id).orElseThrow();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || to.isEmpty()) {
            n.failed(Notification.Status.NOT_CONFIGURED, sender == null ? "No mail server configured (spring.mail.host)" : "Nobody in the group has an e-mail address");
            log.warn("Notification {} not e-mailed: {}", id, n.getError());
        } else {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to.toArray(String[]::new));
                message.setSubject(subject);
                message.setText(body);
                sender.send(message);
                n.sent();
            } catch (MailException e) {
                n.failed(Notification.Status.FAILED, e.getMessage());
                log.error("Notification {} could not be sent", id, e);
            }
        }
        outbox.save(n);
    }
}
