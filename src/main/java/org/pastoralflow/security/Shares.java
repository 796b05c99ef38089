package org.pastoralflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * What a record's page shows of its shares (templates/security/shares.html): who it is shared with
 * and why, and, for someone who may share it, the form. Nothing at all for anyone else.
 */
@Component
public class Shares {

    /** A share as the page lists it. */
    public record Line(Long id, String userName, String reason, String sharedBy, java.time.Instant sharedAt, boolean active) {
    }

    private final AccessPolicy policy;
    private final StaffDirectory directory;

    Shares(AccessPolicy policy, StaffDirectory directory) {
        this.policy = policy;
        this.directory = directory;
    }

    /** The model the fragment needs ({@code shareRecord}, {@code shares}, {@code sharePeople}), or an empty map. */
    public Map<String, Object> model(Classification record, Viewer viewer) {
        if (!policy.mayShare(viewer, record)) {
            return Map.of();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shareRecord", record);
        model.put("shares", policy.sharesOf(record.recordType(), record.recordId()).stream()
                .map(s -> new Line(s.getId(), directory.displayName(s.getUserId()), s.getReason(),
                        directory.displayName(s.getSharedBy()), s.getSharedAt(), s.isActive())).toList());
        Map<String, String> people = new LinkedHashMap<>();
        List<String> staff = directory.membersOf(Group.STAFF.id());
        staff.stream().sorted().forEach(u -> people.put(u, directory.displayName(u)));
        model.put("sharePeople", people);
        return model;
    }
}
