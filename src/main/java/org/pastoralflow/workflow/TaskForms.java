package org.pastoralflow.workflow;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The form behind each user task (every feature's {@link TaskForm} beans, by form key), and
 * completing a task through its form. Apart from {@link TaskInbox} because the forms write through
 * feature services that ask the inbox about their own open tasks: the inbox is built first, then
 * the services, then the forms, then this.
 */
@Service
public class TaskForms {

    private final Map<String, TaskForm> byKey;
    private final TaskInbox inbox;

    public TaskForms(List<TaskForm> forms, TaskInbox inbox) {
        this.byKey = forms.stream().collect(Collectors.toMap(TaskForm::key, Function.identity()));
        this.inbox = inbox;
    }

    public TaskForm formFor(TaskView view) {
        TaskForm form = view.form() == null ? null : byKey.get(view.form());
        if (form == null) {
            throw new IllegalStateException("No form for task " + view.taskKey() + " (form key " + view.formKey() + ")");
        }
        return form;
    }

    /**
     * Validates the form, writes the case store and completes the task in one transaction:
     * if anything fails nothing is written and the task stays open.
     */
    @Transactional
    public TaskView complete(String taskId, FormData data, Viewer viewer) {
        TaskView view = inbox.toComplete(taskId, viewer);
        Map<String, Object> variables = formFor(view).complete(view, data, viewer);
        inbox.finish(view, variables, viewer);
        return view;
    }
}
