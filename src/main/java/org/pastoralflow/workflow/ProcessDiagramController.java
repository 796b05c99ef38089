package org.pastoralflow.workflow;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.YearGroupScope;
import org.pastoralflow.security.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The BPMN model of an open workflow about a student, for the student page to draw. Served only
 * when the instance is about that student and the viewer may see it (the features decide, through
 * {@link CaseProcesses}); anything else is 404, like an instance that does not exist.
 */
@Controller
class ProcessDiagramController {

    private final StudentProcesses processes;
    private final YearGroupScope yearGroups;

    ProcessDiagramController(StudentProcesses processes, YearGroupScope yearGroups) {
        this.processes = processes;
        this.yearGroups = yearGroups;
    }

    @GetMapping("/students/{id}/processes/{processInstanceId}/model.bpmn")
    ResponseEntity<byte[]> model(@PathVariable("id") Long studentId, @PathVariable String processInstanceId, Viewer viewer) {
        yearGroups.checkStudent(studentId, viewer);
        byte[] xml = processes.modelOf(studentId, processInstanceId, viewer)
                .orElseThrow(() -> new NotFoundException("No such workflow"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
    }
}
