package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.pastoralflow.workflow.models.ModelDeployment;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decision table editor on a phone, 320 CSS pixels wide the whole way: a DSL adds a rule to the referral
 * routing table, gets a cell wrong and sees the error beside it, fixes it, tries it and saves it with a reason.
 * Every page is checked with axe-core and for sideways scrolling. The release's table is deployed again afterwards.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class TableEditorBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    static final String ROUTING = "referral-routing";

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired ModelDeployments deployments;

    Browser browser;
    String newestBefore;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "tableeditor");
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Override
    public List<Browser> browsers() {
        return List.of(browser);
    }

    @BeforeEach
    void remember() {
        newestBefore = newest();
    }

    @AfterEach
    void putTheTableBack() throws Exception {
        if (!newest().equals(newestBefore)) {
            deployments.deploy(ROUTING + ".dmn", Files.readAllBytes(Path.of("processes", ROUTING + ".dmn")),
                    "TableEditorBrowserTest puts the release's table back", "dsl", ModelDeployment.How.RESTORE, null);
        }
    }

    String newest() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(ROUTING).latestVersion().singleResult().getId();
    }

    void phoneWidth() {
        Object frame = ((JavascriptExecutor) browser.driver()).executeScript("return window.outerWidth - window.innerWidth;");
        browser.driver().manage().window().setSize(new Dimension(Browser.PHONE_WIDTH + ((Number) frame).intValue(), 780));
    }

    @Test
    void aDslAddsARuleFixesACellTriesItAndSavesItOnThePhone() {
        browser.signIn("dsl");
        phoneWidth();
        browser.go("/workflows/tables/" + ROUTING + "/edit").check();
        assertThat(browser.text()).contains("Rule 4", "This table routes safeguarding work");

        browser.press("Add a rule").waitForText("Rule 5").check();
        browser.press("Move rule 5 up").check();
        browser.type("rule4-in2", "\"bereavement");
        browser.type("rule4-in3", "7");
        browser.type("rule4-out1", "\"senco\"");
        browser.type("rule4-description", "Bereavement in Year 7: the SENCO knows the family");
        browser.press("Check the table").waitForText("Please correct the following").check();
        assertThat(browser.find(By.id("rule4-in2-error")).getText()).startsWith("Rule 4, Category:");
        assertThat(browser.field("rule4-description").getAttribute("value")).isEqualTo("Bereavement in Year 7: the SENCO knows the family");

        browser.type("rule4-in2", "\"bereavement\"");
        new Select(browser.field("sample-in1")).selectByValue("false");
        new Select(browser.field("sample-in2")).selectByValue("bereavement");
        browser.type("sample-in3", "7");
        browser.press("Try it").waitForText("would go to senco").check();
        assertThat(browser.text()).contains("goes to pso now", "real cases");

        browser.type("reason", "Bereavement in Year 7 goes to the SENCO, who knows the families from transition");
        browser.press("Save and deploy").waitForText("is deployed").check();
        assertThat(newest()).isNotEqualTo(newestBefore);
    }
}
