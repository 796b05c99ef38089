package org.pastoralflow.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter templates the Pastoral Lead keeps: every save a new version (who, when, why), the text
 * checked by {@link MergeFields} before anything is written, and a preview with an invented student.
 * Templates are about no student: who may edit them is decided by the route (security.SecurityConfig).
 */
@Service
public class LetterTemplates {

    static final int NAME_MAX = 120;
    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 6000;
    static final int REASON_MAX = 500;

    private final TemplateVersionRepository versions;
    private final LetterTemplateRepository numbers;
    private final Clock clock;
    private final String schoolName;

    LetterTemplates(TemplateVersionRepository versions, LetterTemplateRepository numbers, Clock clock,
                    @Value("${pastoral.school-name:the school}") String schoolName) {
        this.versions = versions;
        this.numbers = numbers;
        this.clock = clock;
        this.schoolName = schoolName;
    }

    @Transactional(readOnly = true)
    public List<TemplateVersion> current() {
        return versions.current();
    }

    /** The template's current version; 404 for one that does not exist. */
    @Transactional(readOnly = true)
    public TemplateVersion current(Long templateNo) {
        return versions.findFirstByTemplateNoOrderByVersionDesc(templateNo).orElseThrow(() -> new NotFoundException("No such template"));
    }

    @Transactional(readOnly = true)
    public List<TemplateVersion> history(Long templateNo) {
        return versions.findByTemplateNoOrderByVersionDesc(templateNo);
    }

    @Transactional(readOnly = true)
    public TemplateVersion version(Long versionId) {
        return versions.findById(versionId).orElseThrow(() -> new NotFoundException("No such template"));
    }

    /**
     * Saves a new template, or a new version of one ({@code templateNo} not null). The form's
     * {@code basedOn} must be the version the editor started from, so two people editing at once do
     * not silently overwrite each other. Everything is checked before anything is written.
     */
    @Transactional
    public TemplateVersion save(Long templateNo, FormData data, Viewer viewer) {
        TemplateVersion before = templateNo == null ? null : current(templateNo);
        String name = data.text("name", "Name", NAME_MAX, true);
        String subject = data.text("subject", "Subject", SUBJECT_MAX, true);
        String body = data.text("body", "Letter", BODY_MAX, true);
        String reason = data.text("reason", "Why (kept with this version)", REASON_MAX, true);
        Integer basedOn = before == null ? null : data.integer("basedOn", "Version", 1, Integer.MAX_VALUE, true);
        MergeFields.check(name, "name", "Name", data);
        MergeFields.check(subject, "subject", "Subject", data);
        MergeFields.check(body, "body", "Letter", data);
        if (before != null && basedOn != null && basedOn != before.getVersion()) {
            data.reject("basedOn", "Someone saved version " + before.getVersion() + " while you were editing version " + basedOn
                    + ": open the template again and make your change to theirs.");
        }
        data.throwIfInvalid();
        Long no = before == null ? numbers.save(new LetterTemplate(clock.instant())).getId() : templateNo;
        return versions.save(new TemplateVersion(no, before == null ? 1 : before.getVersion() + 1, name, subject, body, reason,
                viewer.userId(), clock.instant()));
    }

    /** The values an invented student and parent give, for the preview: no real child is shown to try a template out. */
    public Map<String, String> sampleValues(Viewer viewer) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("student.firstName", "Sam");
        v.put("student.lastName", "Example");
        v.put("student.fullName", "Sam Example");
        v.put("student.yearGroup", "Year 8");
        v.put("student.tutorGroup", "8B");
        v.put("contact.name", "Jo Example");
        v.put("contact.relationship", "Mother");
        v.put("contact.address", "1 Sample Street, Exampleton, ZX1 1AA");
        v.put("school.name", schoolName);
        v.put("today", Letters.DAY.format(LocalDate.now(clock)));
        v.put("sender.name", viewer.displayName());
        v.put("letter.note", "(the paragraph typed when sending)");
        v.put("attendance.percentage", "91.5%");
        return v;
    }
}
