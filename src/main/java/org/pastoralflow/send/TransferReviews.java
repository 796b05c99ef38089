package org.pastoralflow.send;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.transition.Transition;
import org.pastoralflow.transition.TransitionRecording;
import org.pastoralflow.transition.TransitionRepository;
import org.pastoralflow.transition.Transitions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seam to transition: an incoming Year 7 child with an EHCP has the plan's phase-transfer review
 * in Year 6, at the primary school; the SENCO records what it settled and it becomes a SEND note on the
 * child's transition record (through transition's own service, so send depends on transition and
 * never the other way).
 */
@Service
public class TransferReviews {

    private final Transitions transitions;
    private final TransitionRepository repository;
    private final TransitionRecording recording;
    private final AccessPolicy policy;
    private final Clock clock;

    TransferReviews(Transitions transitions, TransitionRepository repository, TransitionRecording recording, AccessPolicy policy,
                    Clock clock) {
        this.transitions = transitions;
        this.repository = repository;
        this.recording = recording;
        this.policy = policy;
        this.clock = clock;
    }

    /** The incoming cohort's children with an EHCP whose transition the viewer may read. */
    @Transactional(readOnly = true)
    public List<Transition> incoming(Viewer viewer) {
        return transitions.defaultEntryYear().map(year -> policy.readable(viewer, repository.findByEntryYear(year).stream()
                .filter(t -> t.isEhcp() && t.isActive()).sorted(java.util.Comparator.comparing(Transition::getLegalSurname)
                        .thenComparing(Transition::getLegalForename)).toList(), Transitions::classify)).orElse(List.of());
    }

    @Transactional
    public Transition record(FormData data, Viewer viewer) {
        List<Transition> incoming = incoming(viewer);
        String reference = data.oneOf("transition", "Incoming child", incoming.stream().map(Transition::getReference).toList());
        LocalDate on = data.date("reviewedOn", "Date of the phase-transfer review", true);
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            data.reject("reviewedOn", "Date of the phase-transfer review cannot be in the future.");
        }
        String attended = data.text("attended", "Who attended", 1000, true);
        String outcome = data.text("outcome", "What the review settled (provision, the amended plan, the move)", 5000, true);
        data.throwIfInvalid();
        Transition t = incoming.stream().filter(x -> x.getReference().equals(reference)).findFirst().orElseThrow();
        recording.notePhaseTransferReview(t, on, "EHCP phase-transfer review at the primary school, " + on,
                "Attended: " + attended + "\n\n" + outcome, viewer);
        return t;
    }
}
