package org.pastoralflow.reportcard;

import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The student page's report card panel: the current card, with its targets and this week's figures, and earlier ones. */
@Component
class ReportCardPanel implements StudentPanel, CaseProcesses {

    private final ReportCards cards;

    ReportCardPanel(ReportCards cards) {
        this.cards = cards;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        List<ReportCard> all = cards.ofStudent(student.getId(), viewer);
        ReportCard current = all.stream().filter(ReportCard::isOpen).findFirst().orElse(null);
        model.addAttribute("reportCards", all);
        model.addAttribute("reportCard", current);
        if (current != null) {
            model.addAttribute("reportCardLevel", cards.levelName(current.getLevelCode()));
            model.addAttribute("reportCardWeek", cards.weekFigures(current));
        }
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return cards.ofStudent(studentId, viewer).stream().filter(c -> c.isOpen() && c.getProcessInstanceId() != null)
                .map(c -> new CaseProcess("Behaviour report card", c.getReference(), "/report-cards/" + c.getReference(),
                        c.getProcessInstanceId(), cards.classify(c))).toList();
    }
}
