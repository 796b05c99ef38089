package org.pastoralflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.ApiUser;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A correction to a chronology entry is a form like any other: one normaliser, the entry's limit, errors beside the field. */
@PostgresIntegrationTest
class CorrectionIntegrationTest {

    static final String UPN = "H873400125000";

    @LocalServerPort int port;
    @Autowired ChronologyRepository entries;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCorrectionWithAControlCharacterOrTooLongComesBackWithWhatWasTypedAndNothingIsAdded() throws Exception {
        String marker = "Correction test " + UUID.randomUUID();
        HttpResponse<String> raised = new ApiUser(port, "teacher", "demo").post("/api/referrals", Map.of("upn", UPN,
                "category", "welfare", "description", marker, "occurredAt", JustNow.dateTime(), "immediateRisk", false));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        Long entry = jdbc.queryForObject("select id from chronology_entry where detail like ?", Long.class, marker + "%");
        HttpUser pso = HttpUser.signedIn(port, "pso");
        String token = pso.csrfFrom("/chronology/" + entry);
        long before = entries.count();

        HttpResponse<String> nul = pso.postWithToken("/chronology/" + entry + "/corrections", Map.of("text", "Wrong\u0000 date"), token);
        assertThat(nul.statusCode()).isEqualTo(422);
        assertThat(nul.body()).contains("id=\"text-error\"")
                .contains("Correction contains a control character (U+0000 at position 6).")
                .contains("Wrong\uFFFD date</textarea>");

        HttpResponse<String> tooLong = pso.postWithToken("/chronology/" + entry + "/corrections", Map.of("text", "x".repeat(20001)), token);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Correction must be at most 20000 characters (it has 20001).");

        HttpResponse<String> empty = pso.postWithToken("/chronology/" + entry + "/corrections", Map.of("text", " "), token);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Correction is required.");
        assertThat(entries.count()).isEqualTo(before);

        HttpResponse<String> done = pso.postWithToken("/chronology/" + entry + "/corrections",
                Map.of("text", "The date was the 5th \uD83D\uDE42\r\nnot the 6th"), token);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(entries.count()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select detail from chronology_entry where corrects_entry_id = ?", String.class, entry))
                .isEqualTo("The date was the 5th \uD83D\uDE42\nnot the 6th");
    }
}
