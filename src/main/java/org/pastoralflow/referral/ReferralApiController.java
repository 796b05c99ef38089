package org.pastoralflow.referral;

import java.net.URI;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Raising a concern from another system, and its status for whoever raised it. */
@RestController
@RequestMapping("/api/referrals")
class ReferralApiController {

    private final ReferralService referrals;

    ReferralApiController(ReferralService referrals) {
        this.referrals = referrals;
    }

    record Raised(String reference, String status) {
    }

    /**
     * Body: upn, category, description, childWords, occurredAt (2026-11-23T10:15), location as text;
     * immediateRisk as true or false. {@link FormData#fromJson} refuses a value of the wrong JSON type.
     */
    @PostMapping
    ResponseEntity<Raised> raise(@RequestBody Map<String, Object> body, Viewer viewer) {
        Referral r = referrals.raise(FormData.fromJson(body), viewer);
        return ResponseEntity.created(URI.create("/api/referrals/" + r.getReference()))
                .body(new Raised(r.getReference(), r.getStage().raiserStatus()));
    }

    /** The raiser sees the status of their own referral; nobody learns anything of other people's. */
    @GetMapping("/{reference}")
    Raised status(@PathVariable String reference, Viewer viewer) {
        return referrals.byReference(reference)
                .filter(r -> r.getRaisedBy().equals(viewer.userId()))
                .map(r -> new Raised(r.getReference(), r.getStage().raiserStatus()))
                .orElseThrow(() -> new org.pastoralflow.security.NotFoundException("No referral " + reference + " raised by you."));
    }
}
