package org.pastoralflow.demo;

import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.services.LocalServices;
import org.springframework.stereotype.Component;

/** The directory of local services as a Pastoral Lead would start it: invented services of an invented town. */
@Component
class DemoServices {

    private static final List<Map<String, String>> SERVICES = List.of(
            service("Exampletown Young Carers", "Support, breaks and a group for children who look after someone at home.", "8", "18",
                    "Anyone may refer, with the family's consent: the online form or a phone call.", "01632 960100, youngcarers@example.org"),
            service("School Nurse drop-in", "Health worries, sleep, puberty and emotional health; weekly in school.", "11", "19",
                    "Students drop in on Tuesdays at lunch; staff refer through the school nurse's e-mail.", "school.nurse@example.org"),
            service("Kooth (online counselling)", "Free, anonymous online counselling and self-help for young people.", "11", "25",
                    "No referral: the young person signs up themselves.", "www.example.org/kooth"),
            service("Exampletown Family Hub", "Parenting courses, help with money and housing, and Early Help family workers.", "0", "19",
                    "Families self-refer at the hub or by phone; schools refer through the Early Help form.", "01632 960200, 3 Market Street"),
            service("Bereavement Support Exampleshire", "One-to-one and group support for children after a death in the family.", "5", "18",
                    "Parents or school, with the parents' agreement: phone the duty worker.", "01632 960300"),
            service("Youth Zone Exampletown", "Evening youth club with sport, music and a mentor scheme.", "10", "19",
                    "Drop in; the mentor scheme takes referrals from schools by e-mail.", "hello@youthzone.example.org"));

    private final LocalServices services;

    DemoServices(LocalServices services) {
        this.services = services;
    }

    int seed() {
        SERVICES.forEach(s -> services.add(new FormData(s), DemoTerm.viewer("lead")));
        return SERVICES.size();
    }

    private static Map<String, String> service(String name, String purpose, String from, String to, String refer, String contact) {
        return Map.of("name", name, "purpose", purpose, "ageFrom", from, "ageTo", to, "howToRefer", refer, "contact", contact);
    }
}
