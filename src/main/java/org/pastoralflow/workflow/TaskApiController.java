package org.pastoralflow.workflow;

import org.pastoralflow.forms.FormData;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tasks for systems and scripts: the same checks and forms as the inbox pages. */
@RestController
@RequestMapping("/api/tasks")
public class TaskApiController {

    private final TaskInbox inbox;
    private final TaskForms forms;
    private final Clock clock;

    public TaskApiController(TaskInbox inbox, TaskForms forms, Clock clock) {
        this.inbox = inbox;
        this.forms = forms;
        this.clock = clock;
    }

    public record TaskJson(String id, String name, String taskKey, String form, String process, String reference,
                           Date created, Date due, boolean overdue, int priority, String assignee,
                           Long studentId, String student) {
        static TaskJson of(TaskView t, Date now) {
            return new TaskJson(t.id(), t.name(), t.taskKey(), t.form(), t.processKey(), t.businessKey(), t.created(),
                    t.due(), t.overdue(now), t.priority(), t.assignee(), t.studentId(), t.studentName());
        }
    }

    @GetMapping
    List<TaskJson> open(Viewer viewer) {
        Date now = Date.from(clock.instant());
        return inbox.forViewer(viewer, TaskInbox.Scope.ALL).stream().map(t -> TaskJson.of(t, now)).toList();
    }

    @PostMapping("/{id}/claim")
    TaskJson claim(@PathVariable String id, Viewer viewer) {
        inbox.claim(id, viewer);
        return TaskJson.of(inbox.get(id, viewer), Date.from(clock.instant()));
    }

    /**
     * The task's form as a JSON object: text as strings, numbers as numbers, yes/no as true or false,
     * the ticked options of a checkbox list as a list of strings. Fields the form does not read are
     * ignored, as on the page: a form reads some fields only when others ask for them (how the parent
     * was told, only when they were), so which fields are unknown is not known before it is read.
     */
    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> fields,
                                  Viewer viewer) {
        forms.complete(id, FormData.fromJson(fields == null ? Map.of() : fields), viewer);
        return ResponseEntity.noContent().build();
    }
}
