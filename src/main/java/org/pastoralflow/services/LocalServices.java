package org.pastoralflow.services;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of local services: the Pastoral Lead adds and changes entries, every member of staff
 * searches it, and a PSO's triage picks one to signpost a family to. Not about a child, so no access
 * policy: the route rules say who may change it.
 */
@Service
public class LocalServices {

    static final int YOUNGEST = 0;
    static final int OLDEST = 25;

    private final LocalServiceRepository services;
    private final Clock clock;

    LocalServices(LocalServiceRepository services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** The directory, searched by words in the name or purpose and by a child's age; everything when both are empty. */
    @Transactional(readOnly = true)
    public List<LocalService> search(String words, Integer age) {
        String like = "%" + (words == null ? "" : words.toLowerCase().replace("\\", "").replace("%", "").replace("_", "")) + "%";
        // a directory is tens of entries: the age is filtered here rather than in a query with an optional parameter
        return services.search(like).stream().filter(s -> age == null || s.getAgeFrom() <= age && s.getAgeTo() >= age).toList();
    }

    /** The services still offered, by name: the choice a PSO's triage offers. */
    @Transactional(readOnly = true)
    public List<LocalService> offered() {
        return services.findByActiveTrueOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Optional<LocalService> find(Long id) {
        return id == null ? Optional.empty() : services.findById(id);
    }

    @Transactional(readOnly = true)
    public LocalService byId(Long id) {
        return services.findById(id).orElseThrow(() -> new NotFoundException("Nothing was found there."));
    }

    @Transactional
    public LocalService add(FormData data, Viewer viewer) {
        LocalService.Details d = details(data);
        return services.save(new LocalService(d, viewer.userId(), clock.instant()));
    }

    @Transactional
    public LocalService change(Long id, FormData data, Viewer viewer) {
        LocalService service = byId(id);
        service.change(details(data), viewer.userId(), clock.instant());
        return service;
    }

    /** Everything checked before anything is written; each problem named beside its field. */
    private static LocalService.Details details(FormData data) {
        String name = data.text("name", "Name", 120, true);
        String purpose = data.text("purpose", "What it is for", 1000, true);
        Integer from = data.integer("ageFrom", "Ages from", YOUNGEST, OLDEST, true);
        Integer to = data.integer("ageTo", "Ages to", YOUNGEST, OLDEST, true);
        String refer = data.text("howToRefer", "How to refer", 2000, true);
        String contact = data.text("contact", "Contact", 500, true);
        boolean active = !data.flag("withdrawn");
        if (from != null && to != null && to < from) {
            data.reject("ageTo", "Ages to must be at least Ages from (" + from + ").");
        }
        data.throwIfInvalid();
        return new LocalService.Details(name, purpose, from, to, refer, contact, active);
    }
}
