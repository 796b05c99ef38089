package org.pastoralflow.send;

import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The student page's SEN part: the areas of need and a link to the SEN page, for whoever reads SEND records; and the open reviews. */
@Component
class SendPanel implements StudentPanel, CaseProcesses {

    private final SenRegister register;

    SendPanel(SenRegister register) {
        this.register = register;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        register.readableEntry(student.getId(), viewer).ifPresent(e -> model.addAttribute("senEntry", e));
        register.readablePlan(student.getId(), viewer).ifPresent(p -> {
            model.addAttribute("ehcpPlan", p);
            register.reviewsOf(p).stream().filter(EhcpReview::isOpen).findFirst().ifPresent(r -> model.addAttribute("ehcpReview", r));
        });
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        List<CaseProcess> open = new ArrayList<>();
        register.readableEntry(studentId, viewer).filter(e -> e.getProcessInstanceId() != null)
                .ifPresent(e -> open.add(new CaseProcess("SEN support reviews", e.getReference(), "/send/students/" + studentId,
                        e.getProcessInstanceId(), e.classification())));
        register.readablePlan(studentId, viewer).filter(p -> p.getProcessInstanceId() != null && p.isMaintained())
                .ifPresent(p -> open.add(new CaseProcess("EHCP annual reviews", p.getReference(), "/send/students/" + studentId,
                        p.getProcessInstanceId(), p.classification())));
        return open;
    }
}
