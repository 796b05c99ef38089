package org.pastoralflow.settings;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.settings.Setting.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The school's settings: what is in force (the latest saved version over application.yml), saving a
 * new version from the page, putting back an earlier one, and bringing this node's beans up to date
 * when another node saved ({@link #refresh()}, every {@code pastoral.settings.check-every}).
 */
@Service
public class SchoolSettings {

    private static final Logger log = LoggerFactory.getLogger(SchoolSettings.class);
    static final String AUDIT_TYPE = "settings";
    public static final String AUDIT_ACTION = "SETTINGS";

    private final SettingsVersions versions;
    private final LiveSettings live;
    private final List<CodesInUse> codesInUse;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SchoolSettings(SettingsVersions versions, LiveSettings live, List<CodesInUse> codesInUse, AuditLog audit,
                   TransactionTemplate transactions, Clock clock) {
        this.versions = versions;
        this.live = live;
        this.codesInUse = codesInUse;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the page shows: each setting with its default and its value now, the version in force and the latest versions. */
    public record Page(int version, Map<String, Object> defaults, Map<String, Object> values, List<SettingsVersion> history) {
    }

    public Page page(Viewer viewer) {
        requireViewer(viewer);
        SettingsVersion now = versions.latest();
        return new Page(now.number(), live.values(Map.of()), live.values(now.overrides()), versions.newestFirst(30));
    }

    /** The number of the version in force. */
    public int version() {
        return versions.latestNumber();
    }

    /**
     * Saves what the page sent as a new version, if anything changed (null when nothing did), and
     * applies it here at once. Refused whole, naming each field, when any value is wrong.
     */
    public SettingsVersion save(FormData data, Viewer viewer) {
        requireViewer(viewer);
        SettingsVersion now = versions.latest();
        Integer basedOn = data.integer("version", "The version you changed", 0, Integer.MAX_VALUE, true);
        String reason = data.text("reason", "Why", 500, true);
        Map<String, Object> current = live.values(now.overrides());
        SettingsForm form = new SettingsForm(data, viewer, current, codesInUse);
        Map<String, Object> wanted = form.read();
        if (form.forbidden()) {
            throw new NotYoursToChange(data);
        }
        data.throwIfInvalid();
        if (basedOn != now.number()) {
            throw InvalidFormException.of("version", "Someone saved the settings (version " + now.number()
                    + ") after you opened the page: open it again and make your change there.");
        }
        return store(now, wanted, reason, viewer, null, data);
    }

    /** Puts back version {@code number} (0: the defaults) as a new version, with a reason; each changed setting must be the viewer's. */
    public SettingsVersion putBack(int number, FormData data, Viewer viewer) {
        requireViewer(viewer);
        SettingsVersion earlier = versions.find(number).orElseThrow(() -> new NotFoundException("There is no such version."));
        String reason = data.text("reason", "Why", 500, true);
        data.throwIfInvalid();
        SettingsVersion now = versions.latest();
        Map<String, Object> wanted = live.values(earlier.overrides());
        for (SettingsVersion.Change c : changes(live.values(now.overrides()), wanted)) {
            Setting s = SettingsCatalogue.byKey(c.key()).orElseThrow();
            if (!s.guard().mayChange(viewer)) {
                data.reject("reason", "Version " + number + " has another value for " + s.label() + ". " + s.guard().who());
            }
        }
        if (data.hasErrors()) {
            throw new NotYoursToChange(data);
        }
        return store(now, wanted, reason, viewer, number, data);
    }

    /** Whether the viewer may put version {@code number} back: it differs from now only in settings they may change. */
    public boolean mayPutBack(SettingsVersion version, Page page, Viewer viewer) {
        List<SettingsVersion.Change> changes = changes(page.values(), live.values(version.overrides()));
        return !changes.isEmpty() && changes.stream().allMatch(c -> SettingsCatalogue.byKey(c.key()).orElseThrow().guard().mayChange(viewer));
    }

    private SettingsVersion store(SettingsVersion now, Map<String, Object> wanted, String reason, Viewer viewer, Integer putBackFrom,
                                  FormData data) {
        List<SettingsVersion.Change> changes = changes(live.values(now.overrides()), wanted);
        if (changes.isEmpty()) {
            return null;
        }
        Map<String, String> overrides = overrides(wanted, live.values(Map.of()));
        try {
            live.check(overrides);
        } catch (RuntimeException e) {
            // a rule of the feature's own settings class that the catalogue does not know; nothing is saved
            data.reject("reason", "These settings would not work together: " + e.getMessage());
            throw new InvalidFormException(data);
        }
        SettingsVersion saved = new SettingsVersion(now.number() + 1, overrides, changes, reason, viewer.userId(), clock.instant(),
                putBackFrom);
        try {
            transactions.executeWithoutResult(t -> {
                versions.insert(saved);
                audit.record(viewer.userId(), AUDIT_ACTION, AUDIT_TYPE, (long) saved.number(), null, describe(saved));
            });
        } catch (DuplicateKeyException e) {
            throw InvalidFormException.of("version", "Someone saved the settings at the same moment: open the page again and make "
                    + "your change there.");
        }
        live.apply(saved.number(), saved.overrides());
        return saved;
    }

    /** Brings this node to the latest saved version when another node (or this one) saved since. One small query when none did. */
    @Scheduled(initialDelayString = "${pastoral.settings.check-every:PT10S}", fixedDelayString = "${pastoral.settings.check-every:PT10S}")
    public void refresh() {
        refresh(live);
    }

    /** As {@link #refresh()}, for the given node's settings (a test stands for a second node with its own). */
    public void refresh(LiveSettings node) {
        int latest = versions.latestNumber();
        if (latest != node.version()) {
            SettingsVersion v = versions.find(latest).orElse(SettingsVersion.DEFAULTS);
            try {
                node.apply(v.number(), v.overrides());
            } catch (RuntimeException e) {
                // a saved version that no longer binds (application.yml changed under it): keep what is in force, say so
                log.error("School settings version {} cannot be applied; the settings in force are kept: {}", latest, e.getMessage());
                if (node.version() < 0) {
                    node.apply(0, Map.of());
                }
            }
        }
    }

    private static String describe(SettingsVersion v) {
        return "Version " + v.number() + (v.putBackFrom() == null ? "" : " (version " + v.putBackFrom() + " put back)") + ": "
                + v.changes().stream().map(c -> c.key() + " " + c.before() + " -> " + c.after()).collect(Collectors.joining("; "));
    }

    static List<SettingsVersion.Change> changes(Map<String, Object> before, Map<String, Object> after) {
        List<SettingsVersion.Change> changes = new ArrayList<>();
        for (Setting s : SettingsCatalogue.all()) {
            Object b = before.get(s.key());
            Object a = after.get(s.key());
            if (!SettingsForm.same(s, a, b)) {
                changes.add(new SettingsVersion.Change(s.key(), s.label(), shown(s, b), shown(s, a)));
            }
        }
        return changes;
    }

    /** A value as the history shows it: "2", "Late to lesson; Rudeness", "late: Late to lesson (-1)". */
    @SuppressWarnings("unchecked")
    static String shown(Setting s, Object value) {
        if (value == null) {
            return "";
        }
        return switch (s.kind()) {
            case WHOLE, DECIMAL -> value.toString();
            case TEXT_LIST -> String.join("; ", (List<String>) value);
            case ROWS -> ((List<Map<String, String>>) value).stream().map(r -> r.get("code") + ": " + r.get("label") + " ("
                    + r.get("points") + (r.get("incident-type") == null ? "" : ", " + r.get("incident-type")) + ")")
                    .collect(Collectors.joining("; "));
        };
    }

    /** The properties that differ from the defaults: the only ones stored, so a later default still reaches the rest. */
    @SuppressWarnings("unchecked")
    static Map<String, String> overrides(Map<String, Object> values, Map<String, Object> defaults) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Setting s : SettingsCatalogue.all()) {
            Object v = values.get(s.key());
            if (v == null || SettingsForm.same(s, v, defaults.get(s.key()))) {
                continue;
            }
            switch (s.kind()) {
                case WHOLE, DECIMAL -> overrides.put(s.property(), new BigDecimal(v.toString()).stripTrailingZeros().toPlainString());
                case TEXT_LIST -> {
                    List<String> lines = (List<String>) v;
                    for (int i = 0; i < lines.size(); i++) {
                        overrides.put(s.property() + "[" + i + "]", lines.get(i));
                    }
                }
                case ROWS -> {
                    List<Map<String, String>> rows = (List<Map<String, String>>) v;
                    for (int i = 0; i < rows.size(); i++) {
                        int row = i;
                        rows.get(i).forEach((column, text) -> overrides.put(s.property() + "[" + row + "]." + column, text));
                    }
                }
            }
        }
        return overrides;
    }

    private static void requireViewer(Viewer viewer) {
        if (!Setting.Guard.mayView(viewer)) {
            throw new NotFoundException("Nothing was found there.");
        }
    }

    /** Start-up: every setting of the catalogue has its default (application.yml keeps them all). */
    void checkDefaults() {
        Map<String, Object> defaults = live.values(Map.of());
        List<String> missing = SettingsCatalogue.all().stream().filter(s -> {
            Object v = defaults.get(s.key());
            return v == null || v instanceof List<?> l && l.isEmpty() || s.kind() == Kind.WHOLE && !v.toString().matches("-?\\d+");
        }).map(Setting::property).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Settings on the settings page need their default in application.yml: " + missing);
        }
    }
}
