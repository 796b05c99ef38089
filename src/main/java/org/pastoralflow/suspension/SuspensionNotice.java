package org.pastoralflow.suspension;

import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.security.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter to the parents (reg. 5 of the 2012 Regulations): the reasons, the length, the return
 * day and time, the right to make representations to the governing board and how, and the
 * education arranged from the sixth school day. A Thymeleaf template drawn as PDF; every print audited.
 */
@Component
public class SuspensionNotice {

    private final Suspensions suspensions;
    private final PdfRenderer pdfs;
    private final AuditLog audit;
    private final Formats fmt;
    private final String schoolName;

    SuspensionNotice(Suspensions suspensions, PdfRenderer pdfs, AuditLog audit, Formats fmt,
                     @Value("${pastoral.school-name:the school}") String schoolName) {
        this.suspensions = suspensions;
        this.pdfs = pdfs;
        this.audit = audit;
        this.fmt = fmt;
        this.schoolName = schoolName;
    }

    @Transactional
    public byte[] render(Suspension s, Viewer viewer) {
        audit.record(viewer.userId(), "PRINT", SuspensionProcess.SOURCE_TYPE, s.getId(), s.getStudentId(),
                "parent notice " + s.getReference());
        Map<String, Object> vars = new HashMap<>();
        vars.put("suspension", s);
        vars.put("student", suspensions.studentOf(s));
        vars.put("returnTime", s.getReturnTime() == null ? suspensions.settings().returnTime() : s.getReturnTime());
        vars.put("schoolName", schoolName);
        vars.put("today", suspensions.today());
        vars.put("fmt", fmt);
        return pdfs.render("suspension/notice", vars);
    }
}
