package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.settings.SchoolSettings;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.pastoralflow.workflow.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The settings page on a phone, 320 CSS pixels wide: the Pastoral Lead changes a deadline, first out
 * of range (the error beside the field, what was typed kept), then within it, with a reason; the new
 * version is in the history with what changed. Every page on the way is checked with axe-core and for
 * sideways scrolling. The settings in force before are put back afterwards.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class SettingsBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    static final Viewer BOTH = new Viewer("dsl", "Dee", Set.of("staff", "dsl", "pastoral-lead"));

    @LocalServerPort int port;
    @Autowired SchoolSettings settings;
    @Autowired Deadlines deadlines;

    Browser browser;
    int versionBefore;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "settings");
        versionBefore = settings.version();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void putBackWhatWasInForce() {
        settings.putBack(versionBefore, new FormData(Map.of("reason", "SettingsBrowserTest puts the settings back")), BOTH);
    }

    @Override
    public List<Browser> browsers() {
        return List.of(browser);
    }

    void phoneWidth() {
        Object frame = ((JavascriptExecutor) browser.driver()).executeScript("return window.outerWidth - window.innerWidth;");
        browser.driver().manage().window().setSize(new Dimension(Browser.PHONE_WIDTH + ((Number) frame).intValue(), 780));
    }

    @Test
    void thePastoralLeadChangesADeadlineWithAReasonOnThePhone() {
        browser.signIn("lead");
        phoneWidth();
        browser.go("/settings").check();
        assertThat(browser.heading()).isEqualTo("School settings");
        assertThat(browser.text()).contains("Tasks and timers already waiting keep the due date they were given");
        // a safeguarding deadline is shown, not offered, to the Pastoral Lead
        assertThat(browser.findAll(By.cssSelector("input[name='deadlines.referral.dsl-review']"))).isEmpty();
        assertThat(browser.text()).contains("Only the DSL changes this");

        browser.type("deadlines.mediation.follow-up", "61");
        browser.type("reason", "Parties need longer after the meeting");
        browser.press("Save the settings").waitForText("must be between 0 and 60").check();
        assertThat(browser.field("deadlines.mediation.follow-up-error").getText())
                .contains("Follow-up check-in after the meeting must be between 0 and 60");
        assertThat(browser.field("deadlines.mediation.follow-up").getAttribute("aria-describedby"))
                .contains("deadlines.mediation.follow-up-error");
        assertThat(browser.field("deadlines.mediation.follow-up").getAttribute("value")).isEqualTo("61");
        assertThat(browser.field("reason").getAttribute("value")).isEqualTo("Parties need longer after the meeting");

        browser.type("deadlines.mediation.follow-up", "12");
        browser.press("Save the settings").waitForText("Saved as version").check();
        assertThat(deadlines.schoolDaysFor("mediation.follow-up")).isEqualTo(12);
        String history = browser.find(By.cssSelector("section.history")).getText();
        assertThat(history).contains("Follow-up check-in after the meeting: 10 → 12", "Why: Parties need longer after the meeting");
        assertThat(browser.field("deadlines.mediation.follow-up").getAttribute("value")).isEqualTo("12");
    }
}
