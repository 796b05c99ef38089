package org.pastoralflow.security;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.forms.FormData;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sharing one record with a named member of staff, and ending a share, for every feature's
 * {@link ShareableRecords}. Only someone the policy lets share the record gets anything but a 404.
 */
@Controller
class ShareController {

    private final Map<String, ShareableRecords> byType;
    private final AccessPolicy policy;
    private final StaffDirectory directory;

    ShareController(List<ShareableRecords> records, AccessPolicy policy, StaffDirectory directory) {
        this.byType = records.stream().collect(Collectors.toMap(ShareableRecords::recordType, Function.identity()));
        this.policy = policy;
        this.directory = directory;
    }

    @PostMapping("/records/{type}/{id}/shares")
    String share(@PathVariable String type, @PathVariable Long id, @RequestParam Map<String, String> params, Viewer viewer,
                 RedirectAttributes flash) {
        ShareableRecords records = records(type);
        Classification record = shareable(records, id, viewer);
        FormData data = new FormData(params);
        String userId = data.required("userId", "Who to share it with");
        String reason = data.text("reason", "Why they need to know", 500, true);
        if (userId != null && !directory.userExists(userId)) {
            data.reject("userId", "There is no member of staff " + userId + ".");
        }
        if (data.hasErrors()) {
            flash.addFlashAttribute("shareErrors", data.errors());
            flash.addFlashAttribute("shareForm", data.values());
            return "redirect:" + records.page(id) + "#shares";
        }
        policy.share(viewer, record, userId, reason);
        flash.addFlashAttribute("message", "Shared with " + directory.displayName(userId) + ". They can open it now.");
        return "redirect:" + records.page(id) + "#shares";
    }

    @PostMapping("/records/{type}/{id}/shares/{shareId}/revoke")
    String revoke(@PathVariable String type, @PathVariable Long id, @PathVariable Long shareId, Viewer viewer,
                  RedirectAttributes flash) {
        ShareableRecords records = records(type);
        policy.revoke(viewer, shareable(records, id, viewer), shareId);
        flash.addFlashAttribute("message", "No longer shared.");
        return "redirect:" + records.page(id) + "#shares";
    }

    private ShareableRecords records(String type) {
        ShareableRecords records = byType.get(type);
        if (records == null) {
            throw new NotFoundException("Nothing was found there.");
        }
        return records;
    }

    private Classification shareable(ShareableRecords records, Long id, Viewer viewer) {
        return records.classify(id).filter(c -> policy.mayShare(viewer, c))
                .orElseThrow(() -> new NotFoundException("Nothing was found there."));
    }

}
